package dev.proofgate.acceptance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator against the platform's own compiler and an independent validator, without a running platform. */
class SchemaInputGeneratorTest {

    private static JsonNode schema() throws Exception {
        SignatureTable table = SignatureTable.of(
                "generated",
                List.of(
                        row("input", "question", ":string", "minLength 1, maxLength 30"),
                        row("input", "count", ":integer", "min 0, max 10"),
                        row("input", "temperature", ":float", "min -20.5, max 45.5"),
                        row("input", "readings", ":list(:optional(:float))", "maxLength 4"),
                        row("input", "note", ":optional(:string)", ""),
                        row("input", "context", ":map", ""),
                        row("input", "hints", ":reasoning_chain", ""),
                        row("output", "answer", ":string", "")));
        CompiledSignature compiled = new SignatureCompiler().compile(table.definition(), table.constraints());
        return compiled.inputSchema();
    }

    private static java.util.Map<String, String> row(String side, String field, String type, String limits) {
        return java.util.Map.of("side", side, "field", field, "type", type, "limits", limits);
    }

    @Test
    void validSamplesPassTheSchemaAndEveryBreakageFailsIt() throws Exception {
        JsonNode schema = schema();
        PublishedSchema published = new PublishedSchema(schema);
        SchemaInputGenerator generator = new SchemaInputGenerator(schema, 7);
        List<InputSample> valid = generator.valid(30);
        assertThat(valid).hasSize(30);
        valid.forEach(sample -> assertThat(published.problems(sample.inputs()))
                .as("%s: %s", sample.label(), sample.inputs())
                .isEmpty());
        List<InputSample> invalid = generator.invalid();
        assertThat(invalid)
                .extracting(InputSample::label)
                .contains(
                        "question: left out though required",
                        "count: above its maximum 10.0",
                        "question: longer than its maxLength 30",
                        "readings: more items than its maximum of 4",
                        "hints: an item without its reasoning",
                        "count: given a number with a fraction",
                        "undeclared_mood: a field the signature does not declare");
        invalid.forEach(sample -> assertThat(published.problems(sample.inputs()))
                .as("%s: %s", sample.label(), sample.inputs())
                .isNotEmpty());
    }

    @Test
    void theSameSeedGivesTheSameInputs() throws Exception {
        JsonNode schema = schema();
        assertThat(new SchemaInputGenerator(schema, 42).valid(10))
                .isEqualTo(new SchemaInputGenerator(schema, 42).valid(10));
        assertThat(new SchemaInputGenerator(schema, 42).valid(10))
                .isNotEqualTo(new SchemaInputGenerator(schema, 43).valid(10));
    }
}

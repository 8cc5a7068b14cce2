package dev.proofgate.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The edges where the checker must agree with the JSON Schema the compiler publishes. */
class ValueCheckerTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsAnInteger() throws Exception {
        CompiledSignature signature = new SignatureCompiler()
                .compile(
                        "signature whole: :integer count, :reasoning_chain hints -> :string answer",
                        parse("{\"count\": {\"max\": 10}}"));
        assertThat(ValueChecker.check(
                        signature.inputs(),
                        parse("{\"count\": 3.0, \"hints\": [{\"step\": 1.0, \"reasoning\": \"r\"}]}")))
                .isEmpty();
        assertThat(ValueChecker.check(
                        signature.inputs(),
                        parse("{\"count\": 2.5, \"hints\": [{\"step\": 1, \"reasoning\": \"r\"}]}")))
                .get()
                .extracting(ValueProblem::field)
                .isEqualTo("count");
        assertThat(ValueChecker.check(
                        signature.inputs(),
                        parse("{\"count\": 11.0, \"hints\": [{\"step\": 1, \"reasoning\": \"r\"}]}")))
                .get()
                .extracting(ValueProblem::type)
                .isEqualTo("constraint_violation");
    }

    @Test
    void aConfidenceLimitLooserThanZeroToOneIsPublishedAsZeroToOne() throws Exception {
        CompiledSignature signature = new SignatureCompiler()
                .compile(
                        "signature sure: :confidence_score prior -> :string answer",
                        parse("{\"prior\": {\"min\": -1, \"max\": 1.5}}"));
        JsonNode prior = signature.inputSchema().path("properties").path("prior");
        assertThat(prior.path("minimum").asDouble()).isEqualTo(0.0);
        assertThat(prior.path("maximum").asDouble()).isEqualTo(1.0);
        assertThat(ValueChecker.check(signature.inputs(), parse("{\"prior\": 1.2}")))
                .isPresent();
        assertThat(ValueChecker.check(signature.inputs(), parse("{\"prior\": 1}")))
                .isEmpty();
    }
}

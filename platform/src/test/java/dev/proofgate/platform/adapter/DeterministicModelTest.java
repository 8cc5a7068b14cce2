package dev.proofgate.platform.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import org.junit.jupiter.api.Test;

class DeterministicModelTest {

    /** The same constant is asserted by test_proofgate_worker.py: both adapters seed the same way. */
    private static final long SEED_OF_SKY_ANSWER = 879428898L;

    private final DeterministicModel model = new DeterministicModel();

    @Test
    void seedIsTheRuleSharedWithThePythonWorker() {
        assertThat(DeterministicModel.seed("Why is the sky blue?", "answer")).isEqualTo(SEED_OF_SKY_ANSWER);
    }

    @Test
    void fillsEveryOutputType() throws Exception {
        CompiledSignature signature = new SignatureCompiler()
                .compile(
                        "signature all: :string question -> :string answer, "
                                + ":integer n, :float f, :boolean b, :map m, :list(:optional(:integer)) l, :confidence_score c, :reasoning_chain r");
        JsonNode outputs =
                model.outputs(signature, new ObjectMapper().readTree("{\"question\": \"Why is the sky blue?\"}"));
        assertThat(outputs.path("answer").asText()).isEqualTo("answer for 'Why is the sky blue?'");
        assertThat(outputs.path("n").isIntegralNumber()).isTrue();
        assertThat(outputs.path("f").isDouble()).isTrue();
        assertThat(outputs.path("b").isBoolean()).isTrue();
        assertThat(outputs.path("m").path("words").asInt()).isEqualTo(5);
        assertThat(outputs.path("l").size()).isEqualTo(3);
        assertThat(outputs.path("c").asDouble()).isBetween(0.0, 1.0);
        assertThat(outputs.path("r").size()).isGreaterThanOrEqualTo(2);
        assertThat(outputs.path("r").get(0).path("step").asInt()).isEqualTo(1);
    }

    @Test
    void respectsOutputConstraints() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CompiledSignature signature = new SignatureCompiler()
                .compile(
                        "signature c: :string q -> :string s, :integer n",
                        json.readTree("{\"s\": {\"maxLength\": 4}, \"n\": {\"min\": 500}}"));
        JsonNode outputs = model.outputs(signature, json.readTree("{\"q\": \"hello\"}"));
        assertThat(outputs.path("s").asText()).isEqualTo("s fo");
        assertThat(outputs.path("n").asInt()).isEqualTo(500);
    }

    @Test
    void clampsAConfidenceToItsLimits() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CompiledSignature signature = new SignatureCompiler()
                .compile(
                        "signature c: :string q -> :confidence_score low, :confidence_score high",
                        json.readTree("{\"low\": {\"max\": 0.3}, \"high\": {\"min\": 0.995}}"));
        JsonNode outputs = model.outputs(signature, json.readTree("{\"q\": \"hello\"}"));
        assertThat(outputs.path("low").asDouble()).isEqualTo(0.3);
        assertThat(outputs.path("high").asDouble()).isEqualTo(0.995);
    }

    @Test
    void countsWordsBetweenEveryKindOfUnicodeSpace() {
        // The same text and count are asserted by test_proofgate_worker.py.
        assertThat(DeterministicModel.words(" why\u00a0is\u3000the\u2007sky\u202fblue\u2003today\u001c "))
                .isEqualTo(6);
        assertThat(DeterministicModel.words("\u3000")).isZero();
    }
}

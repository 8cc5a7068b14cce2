package dev.proofgate.platform.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofgate.platform.signature.ValueProblem;
import org.junit.jupiter.api.Test;

class ModelConfigTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aConfigBothModelsReadAlikeIsAccepted() throws Exception {
        assertThat(ModelConfig.problem(json.readTree("{}"))).isEmpty();
        assertThat(ModelConfig.problem(json.readTree("{\"latency_ms\": 0, \"fail_with\": \"boom\", \"other\": 1}")))
                .isEmpty();
        assertThat(ModelConfig.problem(json.readTree("{\"latency_ms\": null, \"fail_with\": null}")))
                .isEmpty();
    }

    @Test
    void aSettingTheModelsWouldReadDifferentlyIsNamed() throws Exception {
        for (String latency : new String[] {"-5", "\"5\"", "2.5", "true"}) {
            assertThat(ModelConfig.problem(json.readTree("{\"latency_ms\": " + latency + "}")))
                    .as("latency %s", latency)
                    .get()
                    .extracting(ValueProblem::field)
                    .isEqualTo("config.latency_ms");
        }
        for (String reason : new String[] {"\"\"", "\"  \"", "false", "0"}) {
            assertThat(ModelConfig.problem(json.readTree("{\"fail_with\": " + reason + "}")))
                    .as("reason %s", reason)
                    .get()
                    .extracting(ValueProblem::field)
                    .isEqualTo("config.fail_with");
        }
    }
}

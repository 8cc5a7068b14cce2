package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import java.util.Optional;

/**
 * The program configuration both adapters understand: {@code latency_ms} simulates a slow model,
 * {@code fail_with} makes the model raise an execution error with that message.
 */
public record ModelConfig(long latencyMs, String failWith) {

    static ModelConfig of(JsonNode config) {
        if (config == null) {
            return new ModelConfig(0, null);
        }
        return new ModelConfig(Math.max(0, config.path("latency_ms").asLong(0)),
                config.hasNonNull("fail_with") ? config.get("fail_with").asText() : null);
    }

    /**
     * Why a program's configuration cannot be used, checked when the program is created: the Java
     * and Python models would otherwise read a text latency or an empty reason differently.
     */
    public static Optional<ValueProblem> problem(JsonNode config) {
        JsonNode latency = config.get("latency_ms");
        if (latency != null && !latency.isNull() && !(latency.canConvertToLong() && latency.isIntegralNumber() && latency.asLong() >= 0)) {
            return Optional.of(ValueProblem.wrongType("config.latency_ms", "a whole number of milliseconds, 0 or more", ValueChecker.describe(latency)));
        }
        JsonNode failWith = config.get("fail_with");
        if (failWith != null && !failWith.isNull() && !(failWith.isTextual() && !failWith.asText().isBlank())) {
            return Optional.of(ValueProblem.wrongType("config.fail_with", "a text saying why the model fails",
                    failWith.isTextual() ? "an empty text" : ValueChecker.describe(failWith)));
        }
        return Optional.empty();
    }
}

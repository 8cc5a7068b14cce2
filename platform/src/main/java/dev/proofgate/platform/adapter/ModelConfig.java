package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import java.util.Optional;

/**
 * The program configuration both adapters understand: {@code latency_ms} simulates a slow model,
 * {@code fail_with} makes the model raise an execution error with that message. The latency is
 * bounded so that a handful of slow programs cannot hold every dispatcher thread for hours, and so
 * that the bridge timeout derived from it cannot overflow.
 */
public record ModelConfig(long latencyMs, String failWith) {

    public static final long MAX_LATENCY_MS = 10_000;

    static ModelConfig of(JsonNode config) {
        if (config == null) {
            return new ModelConfig(0, null);
        }
        // Clamped as well as checked at creation: programs stored before the bound existed stay bounded too.
        return new ModelConfig(
                Math.min(MAX_LATENCY_MS, Math.max(0, config.path("latency_ms").asLong(0))),
                config.hasNonNull("fail_with") ? config.get("fail_with").asText() : null);
    }

    /**
     * Why a program's configuration cannot be used, checked when the program is created: the Java
     * and Python models would otherwise read a text latency or an empty reason differently, and an
     * unbounded latency would let one program starve the rest.
     */
    public static Optional<ValueProblem> problem(JsonNode config) {
        JsonNode latency = config.get("latency_ms");
        if (latency != null && !latency.isNull()) {
            if (!(latency.canConvertToLong() && latency.isIntegralNumber() && latency.asLong() >= 0)) {
                return Optional.of(ValueProblem.wrongType(
                        "config.latency_ms",
                        "a whole number of milliseconds, 0 or more",
                        ValueChecker.describe(latency)));
            }
            if (latency.asLong() > MAX_LATENCY_MS) {
                return Optional.of(
                        ValueProblem.violation("config.latency_ms", "max", MAX_LATENCY_MS, latency.asLong()));
            }
        }
        JsonNode failWith = config.get("fail_with");
        if (failWith != null
                && !failWith.isNull()
                && !(failWith.isTextual() && !failWith.asText().isBlank())) {
            return Optional.of(ValueProblem.wrongType(
                    "config.fail_with",
                    "a text saying why the model fails",
                    failWith.isTextual() ? "an empty text" : ValueChecker.describe(failWith)));
        }
        return Optional.empty();
    }
}

package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import java.util.Optional;

/**
 * The bounds on a program's configuration, checked when the program is created. A simulated model
 * latency is bounded so that a handful of slow programs cannot hold every dispatcher thread for
 * hours, and so that the bridge timeout derived from it cannot overflow.
 */
public final class ProgramConfig {

    public static final long MAX_LATENCY_MS = 10_000;

    private ProgramConfig() {
    }

    public static Optional<ValueProblem> problem(JsonNode config) {
        JsonNode latency = config.get("latency_ms");
        if (latency != null && !latency.isNull()) {
            if (!latency.isIntegralNumber() || !latency.canConvertToLong()) {
                return Optional.of(ValueProblem.wrongType("config.latency_ms", "integer", ValueChecker.describe(latency)));
            }
            if (latency.asLong() < 0) {
                return Optional.of(ValueProblem.violation("config.latency_ms", "min", 0, latency.asLong()));
            }
            if (latency.asLong() > MAX_LATENCY_MS) {
                return Optional.of(ValueProblem.violation("config.latency_ms", "max", MAX_LATENCY_MS, latency.asLong()));
            }
        }
        JsonNode failWith = config.get("fail_with");
        if (failWith != null && !failWith.isNull() && !failWith.isTextual()) {
            return Optional.of(ValueProblem.wrongType("config.fail_with", "string", ValueChecker.describe(failWith)));
        }
        return Optional.empty();
    }
}

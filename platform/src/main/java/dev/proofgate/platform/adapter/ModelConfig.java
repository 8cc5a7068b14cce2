package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The program configuration both adapters understand: {@code latency_ms} simulates a slow model,
 * {@code fail_with} makes the model raise an execution error with that message.
 */
record ModelConfig(long latencyMs, String failWith) {

    static ModelConfig of(JsonNode config) {
        if (config == null) {
            return new ModelConfig(0, null);
        }
        // Clamped as well as checked at creation: programs stored before the bound existed stay bounded too.
        return new ModelConfig(Math.min(ProgramConfig.MAX_LATENCY_MS, Math.max(0, config.path("latency_ms").asLong(0))),
                config.hasNonNull("fail_with") ? config.get("fail_with").asText() : null);
    }
}

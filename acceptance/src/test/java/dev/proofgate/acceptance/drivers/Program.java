package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** A signature bound to a model adapter, with the model settings it was created with. */
public record Program(
        String id,
        String name,
        @JsonProperty("signature_id") String signatureId,
        String adapter,
        JsonNode config) {

    /** The model's simulated latency in milliseconds; 0 when the program sets none. */
    public long latencyMs() {
        return config == null ? 0 : config.path("latency_ms").asLong(0);
    }
}

package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform refused a request: the typed reason, its message and the details it named. */
public record Rejection(String reason, String message, JsonNode details) {

    public String detail(String name) {
        return details == null ? null : details.path(name).asText(null);
    }
}

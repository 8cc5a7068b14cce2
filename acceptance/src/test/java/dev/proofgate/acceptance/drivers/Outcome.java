package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** What a request to the platform came to: the accepted resource, or the platform's typed rejection. */
public record Outcome(JsonNode accepted, Rejection rejection) {

    public static Outcome accepted(JsonNode body) {
        return new Outcome(body, null);
    }

    public static Outcome rejected(Rejection rejection) {
        return new Outcome(null, rejection);
    }

    public boolean wasAccepted() {
        return accepted != null;
    }

    /** The accepted resource; a rejection here is a failure that quotes the platform's reason. */
    public JsonNode orFail(String what) {
        if (rejection != null) {
            throw new AssertionError(what + " was rejected: " + rejection.reason() + " - " + rejection.message());
        }
        return accepted;
    }

    /** The rejection; an acceptance here is a failure that quotes what was accepted. */
    public Rejection rejectionOrFail(String what) {
        if (rejection == null) {
            throw new AssertionError(what + " was expected to be rejected but was accepted: " + accepted);
        }
        return rejection;
    }
}

package dev.proofgate.platform.api;

import java.util.Map;

/** An error answered as {@code {"error":{"type","message","details"}}} with its HTTP status. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, ?> details;

    public ApiException(int status, String type, String message, Map<String, ?> details) {
        super(message);
        this.status = status;
        this.type = type;
        this.details = details == null ? Map.of() : details;
    }

    public ApiException(int status, String type, String message) {
        this(status, type, message, Map.of());
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(
                404, "not_found", "no " + what + " with id '" + id + "'", Map.of("resource", what, "id", id));
    }

    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(
                413,
                "payload_too_large",
                "request body exceeds " + limitBytes + " bytes",
                Map.of("limit_bytes", limitBytes));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, ?> details() {
        return details;
    }
}

package dev.proofgate.acceptance.drivers;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform's HTTP contract for refusals, written once: which status goes with which error type
 * (platform/README.md, "Errors"). Drivers read answers with it, so Gherkin and steps never mention a status code.
 */
public final class ErrorTypes {

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("malformed_json", 400),
            Map.entry("invalid_parameter", 400),
            Map.entry("unauthorized", 401),
            Map.entry("not_found", 404),
            Map.entry("method_not_allowed", 405),
            Map.entry("duplicate_name", 409),
            Map.entry("payload_too_large", 413),
            Map.entry("unsupported_media_type", 415),
            Map.entry("validation_error", 422),
            Map.entry("constraint_violation", 422),
            Map.entry("syntax_error", 422),
            Map.entry("unknown_type", 422),
            Map.entry("duplicate_field", 422),
            Map.entry("empty_side", 422),
            Map.entry("invalid_constraint", 422),
            Map.entry("rate_limited", 429),
            Map.entry("service_unavailable", 503));

    private ErrorTypes() {}

    /** The documented status of an error type; empty for a type the contract does not know. */
    public static Optional<Integer> statusOf(String type) {
        return Optional.ofNullable(STATUS.get(type));
    }

    /** The error types documented with a status. */
    public static Set<String> typesWith(int status) {
        Set<String> types = new TreeSet<>();
        STATUS.forEach((type, documented) -> {
            if (documented == status) {
                types.add(type);
            }
        });
        return types;
    }
}

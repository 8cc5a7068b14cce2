package dev.proofgate.platform.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a set of values does not fit a signature side. {@code validation_error} names the field and
 * the expected and actual type; {@code constraint_violation} names the field, constraint, limit and actual value.
 */
public record ValueProblem(String type, String field, String message, Map<String, Object> details) {

    public static ValueProblem wrongType(String field, String expected, String actual) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("expected", expected);
        details.put("actual", actual);
        return new ValueProblem(
                "validation_error", field, "field '" + field + "' must be " + expected + " but was " + actual, details);
    }

    public static ValueProblem violation(String field, String constraint, Number limit, Object actual) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("constraint", constraint);
        details.put("limit", limit);
        details.put("actual", actual);
        return new ValueProblem(
                "constraint_violation",
                field,
                "field '" + field + "' violates " + constraint + " " + limit + " (actual " + actual + ")",
                details);
    }
}

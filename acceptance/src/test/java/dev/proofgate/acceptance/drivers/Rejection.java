package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** The platform refused a request: the typed reason, its message and the details it named. */
public record Rejection(String reason, String message, JsonNode details) {

    /** A detail as text; null when the rejection does not name it. */
    public String detail(String name) {
        return details == null ? null : details.path(name).asText(null);
    }

    /** The field the rejection names. */
    public String field() {
        return detail("field");
    }

    /** What the rejection says was expected: a type, a setting's range, or the token a signature missed. */
    public String expected() {
        return detail("expected");
    }

    /** What the rejection says was sent instead. */
    public String actual() {
        return detail("actual");
    }

    /** The constraint a value broke: min, max, minLength, ... */
    public String constraint() {
        return detail("constraint");
    }

    /** The limit of the broken constraint; null when the rejection names none. */
    public BigDecimal limit() {
        JsonNode limit = details == null ? null : details.get("limit");
        return limit == null || !limit.isNumber() ? null : limit.decimalValue();
    }

    /** The line a signature's syntax error is on, as text. */
    public String line() {
        return detail("line");
    }

    /** The column a signature's syntax error is at, as text. */
    public String column() {
        return detail("column");
    }

    /** The kind of resource a not_found rejection says is missing. */
    public String resource() {
        return detail("resource");
    }

    /** The id a not_found rejection names. */
    public String id() {
        return detail("id");
    }
}

package dev.proofgate.platform.signature;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Optional limits on one field: {@code min}/{@code max} for numbers, {@code minLength}/{@code maxLength} for strings and lists. */
public record Constraints(Double min, Double max, Integer minLength, Integer maxLength) {

    public static final Constraints NONE = new Constraints(null, null, null, null);

    public boolean isEmpty() {
        return min == null && max == null && minLength == null && maxLength == null;
    }

    /** The constraints as written beside a definition: only the limits that are set. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (min != null) {
            json.put("min", min);
        }
        if (max != null) {
            json.put("max", max);
        }
        if (minLength != null) {
            json.put("minLength", minLength);
        }
        if (maxLength != null) {
            json.put("maxLength", maxLength);
        }
        return json;
    }
}

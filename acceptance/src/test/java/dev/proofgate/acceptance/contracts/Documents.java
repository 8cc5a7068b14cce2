package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * JSON documents as plain values (texts, numbers, booleans, lists and maps), the form the drivers take.
 * Numbers with a fraction are kept as decimals, so a value at a limit is sent exactly as written.
 */
public final class Documents {

    private static final ObjectMapper EXACT =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private Documents() {}

    /** A JSON object as a map of plain values. */
    public static Map<String, Object> plain(JsonNode document) {
        try {
            return EXACT.readValue(document.toString(), OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + document, e);
        }
    }

    /** Any JSON value (an object, a list, a text, a number, null) as a plain value. */
    public static Object value(JsonNode node) {
        return value(node.toString());
    }

    /** A value a feature wrote as JSON (a number, a text in quotes, a list, an object) as a plain value. */
    public static Object value(String json) {
        try {
            return EXACT.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the feature file holds JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** A plain value as JSON text. */
    public static String text(Object value) {
        try {
            return EXACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + value, e);
        }
    }
}

package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Checks on a request before any of it reaches a store or an adapter: the media type and charset of a
 * body, and a parsed body's shape (nesting depth, NUL characters, broken Unicode). PostgreSQL cannot
 * store a NUL or a lone surrogate in text or jsonb, and deep nesting costs every component that walks
 * the value (the Python worker's parser among them), so both are refused here with a typed reason.
 */
final class RequestChecks {

    /** Deepest nesting of arrays and objects accepted in a request body. */
    static final int MAX_NESTING = 64;

    private RequestChecks() {}

    /** A POST body must be JSON in UTF-8; any other declared charset, or a malformed one, is refused. */
    static void mediaType(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "request bodies must be application/json",
                    Map.of("content_type", contentType == null ? "none" : contentType));
        }
        String rest = contentType.substring("application/json".length()).trim();
        if (rest.isEmpty()) {
            return;
        }
        for (String parameter : rest.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
            if (name.equalsIgnoreCase("charset")) {
                String charset = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new ApiException(
                            415,
                            "unsupported_media_type",
                            "request bodies must be JSON in UTF-8; charset '" + value + "' is not accepted",
                            Map.of("content_type", contentType, "expected", "application/json; charset=utf-8"));
                }
            } else if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json;")
                    && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json ")) {
                throw new ApiException(
                        415,
                        "unsupported_media_type",
                        "request bodies must be application/json",
                        Map.of("content_type", contentType));
            }
        }
    }

    /** Walks a parsed body without recursion; the first problem found is the answer. */
    static void shape(JsonNode body) {
        record Place(JsonNode node, String path, int depth) {}
        Deque<Place> pending = new ArrayDeque<>();
        pending.push(new Place(body, "", 1));
        while (!pending.isEmpty()) {
            Place place = pending.pop();
            JsonNode node = place.node();
            if (node.isContainerNode() && place.depth() > MAX_NESTING) {
                throw invalid(
                        topField(place.path()),
                        "'" + topField(place.path()) + "' nests deeper than " + MAX_NESTING + " levels",
                        "at most " + MAX_NESTING + " levels of nesting",
                        "more than " + MAX_NESTING + " levels");
            }
            if (node.isTextual()) {
                text(node.textValue(), place.path());
            } else if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String path = place.path().isEmpty() ? field.getKey() : place.path() + "." + field.getKey();
                    text(field.getKey(), path);
                    pending.push(new Place(field.getValue(), path, place.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(new Place(node.get(i), place.path() + "[" + i + "]", place.depth() + 1));
                }
            }
        }
    }

    private static void text(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw invalid(
                        path,
                        "'" + path + "' contains a NUL character",
                        "text without NUL characters",
                        "text with a NUL character");
            }
            if (Character.isHighSurrogate(c)
                            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw invalid(
                        path,
                        "'" + path + "' contains a lone surrogate, which is not Unicode text",
                        "valid Unicode text",
                        "a lone surrogate");
            }
        }
    }

    private static String topField(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return top.isEmpty() ? "body" : top;
    }

    private static ApiException invalid(String field, String message, String expected, String actual) {
        return new ApiException(
                422,
                "validation_error",
                message,
                Map.of("field", field.isEmpty() ? "body" : field, "expected", expected, "actual", actual));
    }
}

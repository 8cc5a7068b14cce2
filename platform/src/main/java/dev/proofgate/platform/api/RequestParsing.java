package dev.proofgate.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import dev.proofgate.platform.store.Json;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** Reads what the routes share: a JSON object body, its required text fields, and resource ids in a path. */
final class RequestParsing {

    private RequestParsing() {}

    /** The request body as a JSON object whose shape passed {@link RequestChecks#shape}. */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiException(400, "malformed_json", "request body is empty; a JSON object is required");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "malformed_json", "request body must be a JSON object");
            }
            RequestChecks.shape(node);
            return node;
        } catch (StreamConstraintsException e) {
            throw new ApiException(
                    422,
                    "validation_error",
                    "request body nests deeper than " + RequestChecks.MAX_NESTING + " levels",
                    Map.of(
                            "field",
                            "body",
                            "expected",
                            "at most " + RequestChecks.MAX_NESTING + " levels of nesting",
                            "actual",
                            "deeper"));
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    400,
                    "malformed_json",
                    "request body is not valid JSON: " + e.getOriginalMessage(),
                    Map.of(
                            "line",
                            e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            "column",
                            e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
        }
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw invalid(ValueProblem.wrongType(field, "string", "missing"));
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            String actual = value.isTextual() ? "empty string" : ValueChecker.describe(value);
            throw invalid(ValueProblem.wrongType(field, "non-empty string", actual));
        }
        return value.asText();
    }

    static ApiException invalid(ValueProblem problem) {
        return new ApiException(422, problem.type(), problem.message(), problem.details());
    }

    /** The id of a resource named in a path; one that is not a UUID names no resource, so it is not found. */
    static UUID id(String value, String resource) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(resource, value);
        }
    }
}

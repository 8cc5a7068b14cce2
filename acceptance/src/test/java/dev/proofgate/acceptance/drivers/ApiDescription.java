package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform's published OpenAPI 3.1 description, read from the platform itself: the operations
 * the checklists enumerate, so that a new route is checked the moment it is published.
 */
public final class ApiDescription {

    public static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    private ApiDescription(JsonNode document) {
        this.document = document;
    }

    /** One operation: method, path template, a concrete path to call, and whether it needs a key. */
    public record Operation(String method, String template, String path, boolean needsKey, boolean hasBody) {
        public String label() {
            return method.toUpperCase() + " " + template;
        }
    }

    /** The description read from the platform; anything but an OpenAPI 3.1 document fails. */
    public static ApiDescription of(JsonNode document) {
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new AssertionError(
                    "the published description is not OpenAPI 3.1: openapi=" + document.path("openapi"));
        }
        return new ApiDescription(document);
    }

    /** The document as JSON text, indented for evidence. */
    public String text() {
        return document.toPrettyString();
    }

    public JsonNode document() {
        return document;
    }

    /** A limit the platform publishes in its description ({@code x-proofgate-limits}). */
    public long publishedLimit(String name) {
        JsonNode limit = document.path("info").path("x-proofgate-limits").path(name);
        if (!limit.isNumber()) {
            throw new AssertionError(
                    "the platform's description publishes no limit '" + name + "' under info.x-proofgate-limits: "
                            + document.path("info").path("x-proofgate-limits"));
        }
        return limit.asLong();
    }

    public List<Operation> operations() {
        boolean securedByDefault = document.path("security").size() > 0;
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                boolean needsKey =
                        operation.has("security") ? operation.path("security").size() > 0 : securedByDefault;
                operations.add(new Operation(
                        method.getKey(),
                        path.getKey(),
                        concrete(path.getKey()),
                        needsKey,
                        operation.has("requestBody")));
            }
        }
        return operations;
    }

    /** Every published address (as called) with the methods the description does not publish on it. */
    public Map<String, Set<String>> unpublishedMethods() {
        Map<String, Set<String>> unpublished = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            unpublished
                    .computeIfAbsent(operation.path(), path -> new TreeSet<>(METHODS))
                    .remove(operation.method());
        }
        return unpublished;
    }

    /** Path parameters filled with a well-formed id nobody has, so the route matches and the lookup misses. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
    }
}

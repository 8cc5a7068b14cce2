package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published OpenAPI 3.1 description of the API (resource {@code proofgate/openapi.json}), with the
 * limits this instance enforces. The platform refuses to start when the description and the routes it
 * registers disagree, so no route can be served without being published (and checked by whoever
 * reads the description).
 */
final class ApiDescription {

    static final String PATH = "/api/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final ObjectNode document;

    ApiDescription(String version, Map<String, Long> limits) {
        try (InputStream in = ApiDescription.class.getResourceAsStream("/proofgate/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("proofgate/openapi.json is missing from the classpath");
            }
            this.document = (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the API description cannot be read", e);
        }
        ObjectNode info = (ObjectNode) document.path("info");
        info.put("version", version);
        ObjectNode published = info.putObject("x-proofgate-limits");
        limits.forEach(published::put);
    }

    JsonNode document() {
        return document;
    }

    /** "GET /api/adapters"-style names of every published operation. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /** Fails start-up when a registered route is not published, or a published one not registered. */
    void verify(Set<String> registered) {
        Set<String> unpublished = new TreeSet<>(registered);
        unpublished.removeAll(operations());
        Set<String> phantom = new TreeSet<>(operations());
        phantom.removeAll(registered);
        if (!unpublished.isEmpty() || !phantom.isEmpty()) {
            throw new IllegalStateException(
                    "the API description (proofgate/openapi.json) does not match the routes: unpublished " + unpublished
                            + ", published but not served " + phantom);
        }
    }
}

package dev.proofgate.acceptance.checklists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.world.ReadinessWorld;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one checklist scenario has measured so far, next to the shared {@link ReadinessWorld}: the
 * published description, raw exchanges, figures taken in a When step and judged in a Then step.
 * Scenario-scoped, injected by constructor like the world.
 */
public final class ChecklistScenario {

    private final ReadinessWorld world;
    private final RawHttp http;
    private ApiDescription description;
    private Program slowProgram;
    private final Map<String, Object> measured = new LinkedHashMap<>();

    public ChecklistScenario(ReadinessWorld world) {
        this.world = world;
        this.http = new RawHttp(world.environment().baseUrl());
    }

    public RawHttp http() {
        return http;
    }

    /** Headers of a well-behaved client: the suite's key, JSON. */
    public Map<String, String> keyed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + world.environment().apiKey());
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        return headers;
    }

    public ApiDescription description() {
        if (description == null) {
            description = ApiDescription.fetch(http);
        }
        return description;
    }

    /** A limit the platform publishes in its description ({@code x-proofgate-limits}). */
    public long publishedLimit(String name) {
        JsonNode limit = description().document().path("info").path("x-proofgate-limits").path(name);
        if (!limit.isNumber()) {
            throw new AssertionError("the platform's description publishes no limit '" + name + "' under info.x-proofgate-limits: "
                    + description().document().path("info").path("x-proofgate-limits"));
        }
        return limit.asLong();
    }

    public JsonNode health() {
        return Json.parse(http.get("/health", Map.of()).body());
    }

    public void slowProgram(Program program) {
        this.slowProgram = program;
    }

    public Program slowProgram() {
        if (slowProgram == null) {
            throw new IllegalStateException("this step needs a slow program created earlier in the scenario");
        }
        return slowProgram;
    }

    public void measured(String what, Object value) {
        measured.put(what, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T measured(String what) {
        if (!measured.containsKey(what)) {
            throw new IllegalStateException("this step needs '" + what + "' measured earlier in the scenario");
        }
        return (T) measured.get(what);
    }

    public Duration awaitTimeout() {
        return world.settings().awaitTimeout();
    }
}

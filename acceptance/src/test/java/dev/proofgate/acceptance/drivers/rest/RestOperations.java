package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.gate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations reads over plain HTTP. Health is asked for many times a second while a fault happens, so
 * no exchange is attached here: the steps attach what they decided on.
 */
public final class RestOperations implements OperationsApi {

    private static final String HEALTH = "/health";
    private static final String READY = "/health/ready";
    private static final String METRICS = "/metrics";
    private static final String DESCRIPTION = "/api/openapi.json";
    private static final String COMPILE = "/api/signatures/compile";
    private static final Map<Resource, String> COLLECTIONS = Map.of(
            Resource.SIGNATURE,
            "/api/signatures/",
            Resource.PROGRAM,
            "/api/programs/",
            Resource.EXECUTION,
            "/api/executions/");

    private final RawHttp http;
    private final String apiKey;

    public RestOperations(String baseUrl, String apiKey) {
        this.http = new RawHttp(baseUrl);
        this.apiKey = apiKey;
    }

    @Override
    public Health health() {
        return healthIfAnswered()
                .orElseThrow(() -> new AssertionError("the platform's health could not be read: "
                        + http.get(HEALTH, Map.of()).summary()));
    }

    @Override
    public Optional<Health> healthIfAnswered() {
        HttpAnswer answer = http.get(HEALTH, Map.of());
        if (answer.kind() == HttpAnswer.Kind.NO_ANSWER) {
            return Optional.empty();
        }
        JsonNode report = Json.parse(answer.body());
        JsonNode components = report.path("components");
        JsonNode bridge = components.path("python_bridge");
        List<Long> pids = new ArrayList<>();
        bridge.path("worker_pids").forEach(pid -> pids.add(pid.asLong()));
        JsonNode queue = components.path("execution_queue");
        return Optional.of(new Health(
                report.path("status").asText(),
                components.path("database").path("status").asText(),
                new Bridge(
                        bridge.path("status").asText(),
                        bridge.path("workers_alive").asInt(),
                        bridge.path("workers_target").asInt(),
                        List.copyOf(pids),
                        bridge.path("restarts").asLong()),
                new Queue(queue.path("queued").asLong(), queue.path("running").asLong()),
                answer.body()));
    }

    @Override
    public HttpAnswer readiness() {
        return http.get(READY, Map.of());
    }

    @Override
    public String metrics() {
        HttpAnswer answer = http.get(METRICS, Map.of());
        if (!answer.served()) {
            throw new AssertionError("the platform's metrics could not be read: " + answer.summary());
        }
        return answer.body();
    }

    @Override
    public ApiDescription description() {
        HttpAnswer answer = http.get(DESCRIPTION, Map.of("Accept", "application/json"));
        if (!answer.served()) {
            throw new AssertionError(
                    "the platform does not publish a description of its interface: " + answer.summary());
        }
        return ApiDescription.of(Json.parse(answer.body()));
    }

    @Override
    public Optional<View> shown(Resource resource, String id) {
        HttpAnswer answer = http.get(COLLECTIONS.get(resource) + id, keyed());
        return answer.served() ? Optional.of(new View(Json.parse(answer.body()))) : Optional.empty();
    }

    @Override
    public HttpAnswer compile(String definition) {
        byte[] body = Json.object().put("definition", definition).toString().getBytes(StandardCharsets.UTF_8);
        return http.send("POST", COMPILE, keyed(), body);
    }

    private Map<String, String> keyed() {
        return Map.of(
                "Authorization", "Bearer " + apiKey, "Accept", "application/json", "Content-Type", "application/json");
    }
}

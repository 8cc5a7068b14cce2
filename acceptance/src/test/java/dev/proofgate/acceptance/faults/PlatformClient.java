package dev.proofgate.acceptance.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.gate.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A quiet client for the load during faults: hundreds of submissions and reads would drown the
 * report if each were attached, so this one attaches nothing and the ledger is attached instead.
 * It knows the platform's HTTP contract the same way the REST drivers do (which status is which outcome).
 */
final class PlatformClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final String baseUrl;
    private final String apiKey;

    PlatformClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Submits one question; the future always completes with what the client saw, never exceptionally. */
    CompletableFuture<Ledger.Entry> submit(String adapter, String programId, String question) {
        ObjectNode body = Json.object().put("program_id", programId);
        body.putObject("inputs").put("question", question);
        HttpRequest request = request("/api/executions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long sent = System.currentTimeMillis();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long answered = System.currentTimeMillis();
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                return new Ledger.Entry(sent, answered, adapter, Ledger.Seen.NO_ANSWER, null,
                        cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
            }
            JsonNode json = parse(response.body());
            if (response.statusCode() == 202) {
                return new Ledger.Entry(sent, answered, adapter, Ledger.Seen.ACCEPTED, json.path("id").asText(), null, null);
            }
            String reason = json.path("error").path("type").asText("status " + response.statusCode() + " without the error shape");
            return new Ledger.Entry(sent, answered, adapter, Ledger.Seen.REFUSED, null, reason,
                    response.headers().firstValue("Retry-After").orElse(null));
        });
    }

    /** The platform's view of one execution: its status, or "unknown" when it does not know the id. */
    String status(String executionId) {
        try {
            HttpResponse<String> response = http.send(request("/api/executions/" + executionId).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()).path("status").asText() : "unknown (" + response.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer (interrupted)";
        }
    }

    /**
     * Executions the platform says it has in hand (claimed here, not yet written back), from its health
     * report; -1 when it does not say. A finished row can hide a second claim still at work.
     */
    long workInHand() {
        try {
            HttpRequest request = request("/health").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return parse(response.body()).path("components").path("execution_queue").path("in_flight_here").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether the platform reports itself ready to serve, as a load balancer would ask. */
    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return Json.object();
        }
    }
}

package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.ErrorTypes;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Health;
import dev.proofgate.gate.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A quiet client for the load during faults: hundreds of submissions and reads would drown the
 * report if each were attached, so this one attaches nothing and the fault ledger is attached instead.
 * It reads the platform's answers with the same contract as the REST drivers.
 */
public final class QuietClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final String baseUrl;
    private final String apiKey;

    /**
     * What the client saw for one submission, with wall-clock epoch milliseconds: accepted with an
     * execution id, refused with a reason and perhaps a retry hint, or no answer (the transport error).
     */
    public record Submission(
            long sentAt, long answeredAt, String executionId, String refusal, String retryAfter, String noAnswer) {

        public boolean accepted() {
            return executionId != null;
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    public QuietClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Submits one question; the future always completes with what the client saw, never exceptionally. */
    public CompletableFuture<Submission> submit(String programId, String question) {
        String body = RestExecutions.submission(programId, Json.object().put("question", question))
                .toString();
        HttpRequest request = request(Routes.EXECUTIONS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sent = System.currentTimeMillis();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long answered = System.currentTimeMillis();
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                return new Submission(
                        sent,
                        answered,
                        null,
                        null,
                        null,
                        cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
            JsonNode json = parse(response.body());
            if (response.statusCode() == 202) {
                return new Submission(sent, answered, json.path("id").asText(), null, null, null);
            }
            return new Submission(
                    sent,
                    answered,
                    null,
                    refusal(response.statusCode(), json),
                    response.headers().firstValue("Retry-After").orElse(null),
                    null);
        });
    }

    /**
     * The reason a submission was refused: the error's type, named as off the contract when the status
     * is not the one the contract pairs with it.
     */
    private static String refusal(int status, JsonNode answer) {
        JsonNode type = answer.path("error").path("type");
        if (!type.isTextual()) {
            return "status " + status + " without the error shape";
        }
        String reason = type.asText();
        boolean documented =
                ErrorTypes.statusOf(reason).filter(paired -> paired == status).isPresent();
        return documented ? reason : reason + " with status " + status + ", which the contract does not pair with it";
    }

    /** The platform's view of one execution: its status, or "unknown" when it does not know the id. */
    public String status(String executionId) {
        try {
            HttpRequest request = request(Routes.execution(executionId)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? read(response.body(), Execution.class).status()
                    : "unknown (" + response.statusCode() + ")";
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
    public long workInHand() {
        try {
            HttpResponse<String> response =
                    http.send(request(Routes.HEALTH).GET().build(), HttpResponse.BodyHandlers.ofString());
            Long inHand =
                    read(response.body(), Health.class).component(Health.QUEUE).inFlightHere();
            return inHand == null ? -1 : inHand;
        } catch (java.io.IOException | AssertionError e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether the platform reports itself ready to serve, as a load balancer would ask. */
    public boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + Routes.READY))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private static <T> T read(String body, Class<T> type) {
        return PlatformHttp.read(body, type);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.object() : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return Json.object();
        }
    }
}

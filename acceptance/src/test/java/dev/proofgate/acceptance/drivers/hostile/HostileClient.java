package dev.proofgate.acceptance.drivers.hostile;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.rest.RawHttp;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The deliberately bad requests: no key, wrong keys, wrong character sets, NUL characters, nesting and
 * bodies over the limits, malformed bytes. Each answer is typed ({@link HttpAnswer}) and, unless the
 * client is {@link #unrecorded()}, attached to the running step as evidence.
 */
public final class HostileClient {

    private static final String ADAPTERS = "/api/adapters";
    private static final String SIGNATURES = "/api/signatures";
    private static final String PROGRAMS = "/api/programs";
    private static final String EXECUTIONS = "/api/executions";
    private static final String NOBODY_HAS = "00000000-0000-4000-8000-000000000000";
    private static final int THROTTLED_RETRIES = 3;
    private static final long LONGEST_WAIT_SECONDS = 3;
    private static final int TRANSPORT_ATTEMPTS = 3;

    /** The places a NUL character is sent in, as the checklist names them. */
    public enum NulPlace {
        QUESTION("a question"),
        PROGRAM_NAME("a program name"),
        PROGRAM_SETTING("a program setting");

        private final String label;

        NulPlace(String label) {
            this.label = label;
        }

        public static NulPlace named(String label) {
            for (NulPlace place : values()) {
                if (place.label.equals(label)) {
                    return place;
                }
            }
            throw new IllegalArgumentException("unknown place for a NUL character: " + label);
        }
    }

    private final RawHttp http;
    private final String apiKey;
    private final boolean recorded;

    public HostileClient(String baseUrl, String apiKey) {
        this(new RawHttp(baseUrl), apiKey, true);
    }

    private HostileClient(RawHttp http, String apiKey, boolean recorded) {
        this.http = http;
        this.apiKey = apiKey;
        this.recorded = recorded;
    }

    /** The same client, on the same connections, attaching no evidence: for requests sent by the hundred from several threads. */
    public HostileClient unrecorded() {
        return new HostileClient(http, apiKey, false);
    }

    /** A published operation called with the suite's key; an empty JSON object as body when it takes one. */
    public HttpAnswer call(String method, String path, boolean withBody) {
        return record(http.send(method, path, keyed(), withBody ? emptyObject() : null));
    }

    /**
     * An operation called presenting the given key (none when null). A throttled refusal proves nothing about
     * the key check: the client waits as told (at most a few seconds, a few times) and asks again.
     */
    public HttpAnswer callPresenting(String method, String path, boolean withBody, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        headers.put("Content-Type", "application/json");
        byte[] body = withBody ? emptyObject() : null;
        HttpAnswer answer = http.send(method, path, headers, body);
        for (int retry = 0; retry < THROTTLED_RETRIES && answer.hasStatusOf("rate_limited"); retry++) {
            String told = answer.header("Retry-After");
            long seconds =
                    told != null && told.matches("\\d+") ? Math.min(LONGEST_WAIT_SECONDS, Long.parseLong(told)) : 1;
            LockSupport.parkNanos(seconds * 1_000_000_000L);
            answer = http.send(method, path, headers, body);
        }
        return record(answer);
    }

    /** The cheapest operation that needs a key, asked with the given key: a guess, or a key with a rate limit of its own. */
    public HttpAnswer askWithKey(String key) {
        return record(http.get(ADAPTERS, Map.of("Authorization", "Bearer " + key)));
    }

    /** The cheapest operation that needs a key, asked with the suite's key and a request id (none when null). */
    public HttpAnswer askWithRequestId(String requestId) {
        Map<String, String> headers = keyed();
        if (requestId != null) {
            headers.put("X-Request-Id", requestId);
        }
        return record(http.get(ADAPTERS, headers));
    }

    /** A write operation with an empty JSON object declared in the given character set. */
    public HttpAnswer callInCharset(String method, String path, String charset) {
        Map<String, String> headers = keyed();
        headers.put("Content-Type", "application/json; charset=" + charset);
        return record(http.send(method, path, headers, emptyObject()));
    }

    /** An unpublished method on a published address, with an empty JSON object as body. */
    public HttpAnswer callUnpublished(String method, String path) {
        return record(http.send(method, path, keyed(), emptyObject()));
    }

    /**
     * A signature declared with a definition padded to twice the body limit. The platform refuses from the
     * declared length and closes; a client still writing the body may then read no answer at all. Such a
     * transport failure says nothing about the platform, so the same request is sent again (at most three
     * times, each attempt in the evidence).
     */
    public HttpAnswer oversizedSignature(String name, long bodyLimit) {
        String definition =
                "signature " + name + ": :string question -> :string answer" + " ".repeat((int) (2 * bodyLimit));
        byte[] body = Json.object().put("definition", definition).toString().getBytes(StandardCharsets.UTF_8);
        HttpAnswer answer = null;
        for (int attempt = 1;
                attempt <= TRANSPORT_ATTEMPTS && (answer == null || answer.kind() == HttpAnswer.Kind.NO_ANSWER);
                attempt++) {
            answer = http.send("POST", SIGNATURES, keyed(), body);
            Evidence.text(
                    "attempt " + attempt + ": answer to a body of " + body.length + " bytes (limit " + bodyLimit + ")",
                    answer.summary());
        }
        return answer;
    }

    /** A NUL character in a question to the program, or in a program's name or setting. */
    public HttpAnswer nulIn(NulPlace place, String signatureId, String programId) {
        String body = switch (place) {
            case QUESTION -> "{\"program_id\": \"" + programId + "\", \"inputs\": {\"question\": \"why\\u0000not\"}}";
            case PROGRAM_NAME ->
                "{\"name\": \"nul\\u0000name\", \"signature_id\": \"" + signatureId + "\", \"adapter\": \"native\"}";
            case PROGRAM_SETTING ->
                "{\"name\": \"nul setting\", \"signature_id\": \"" + signatureId
                        + "\", \"adapter\": \"native\", \"config\": {\"fail_with\": \"a\\u0000b\"}}";
        };
        return post(place == NulPlace.QUESTION ? EXECUTIONS : PROGRAMS, body);
    }

    /** A question whose context nests the given number of levels deep, counting the inputs and the context. */
    public HttpAnswer deeplyNestedQuestion(String programId, int depth) {
        String nested = "{\"k\":".repeat(depth - 2) + "1" + "}".repeat(depth - 2);
        return post(
                EXECUTIONS,
                "{\"program_id\": \"" + programId + "\", \"inputs\": {\"question\": \"deep\", \"context\": " + nested
                        + "}}");
    }

    /** A program on the native adapter whose model is set to take the given time. */
    public HttpAnswer programWithLatency(String signatureId, long latencyMs) {
        return post(
                PROGRAMS,
                "{\"name\": \"too slow\", \"signature_id\": \"" + signatureId
                        + "\", \"adapter\": \"native\", \"config\": {\"latency_ms\": " + latencyMs + "}}");
    }

    /** A program nobody has, asked for with the suite's key. */
    public HttpAnswer missingProgram() {
        return record(http.get(PROGRAMS + "/" + NOBODY_HAS, keyed()));
    }

    /** A signature declared with a body that is not JSON. */
    public HttpAnswer malformedSignature() {
        return post(SIGNATURES, "{oops");
    }

    /**
     * One request of the malformed corpus. A pooled connection the server closed after refusing an unread
     * body fails on the client side only: it is asked once more on a new connection; a platform that is
     * really down fails again.
     */
    public HttpAnswer send(MalformedRequestCorpus.MalformedRequest request) {
        HttpAnswer answer = http.send(request.method(), request.path(), request.headers(), request.body());
        return record(
                answer.kind() == HttpAnswer.Kind.NO_ANSWER
                        ? http.sendOnNewConnection(request.method(), request.path(), request.headers(), request.body())
                        : answer);
    }

    /** Every kind of answer the platform gives: health, metrics, an operation, a refusal and a missing page, by kind. */
    public Map<String, HttpAnswer> answersOfEveryKind() {
        Map<String, HttpAnswer> answers = new LinkedHashMap<>();
        answers.put("health", record(http.get("/health", Map.of())));
        answers.put("metrics", record(http.get("/metrics", Map.of())));
        answers.put("an operation", record(http.get(ADAPTERS, keyed())));
        answers.put("a refusal", record(http.get(ADAPTERS, Map.of())));
        answers.put("a missing page", record(http.get("/no-such-page", keyed())));
        return answers;
    }

    private HttpAnswer post(String path, String json) {
        return record(http.send("POST", path, keyed(), json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Headers of a well-behaved client: the suite's key, JSON. */
    private Map<String, String> keyed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static byte[] emptyObject() {
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    private HttpAnswer record(HttpAnswer answer) {
        if (recorded) {
            Evidence.text(
                    answer.method().toUpperCase() + " " + answer.path() + " -> " + answer.status(),
                    "answer headers: " + answer.headers() + "\n\n" + answer.body());
        }
        return answer;
    }
}

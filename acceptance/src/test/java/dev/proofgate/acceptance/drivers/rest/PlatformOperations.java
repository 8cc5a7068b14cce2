package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.gate.load.KeepAliveHttp;
import dev.proofgate.gate.load.TimedOperation;
import dev.proofgate.gate.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform's operations as {@link TimedOperation}s over {@link KeepAliveHttp}. The routes and
 * statuses live here (the driver layer), never in Gherkin.
 */
public final class PlatformOperations implements AutoCloseable {

    /**
     * Polling a submitted execution: after 1 ms, then doubling to at most 32 ms between reads. This
     * bounds the resolution of submit-to-completed latency (about +100% under 32 ms, +32 ms above);
     * polling faster loads the platform with reads that slow the executions being measured (at 50
     * clients and 8 ms, reads outnumbered submissions 30 to 1 and throughput fell fivefold).
     */
    private static final long FIRST_POLL_NANOS = 1_000_000;

    private static final long LONGEST_POLL_NANOS = 32_000_000;

    private final KeepAliveHttp http;
    private final Duration completionTimeout;

    public PlatformOperations(String baseUrl, String apiKey, Duration completionTimeout) {
        this.http = new KeepAliveHttp(baseUrl, apiKey);
        this.completionTimeout = completionTimeout;
    }

    /** A dry-run compile of a signature definition. */
    public TimedOperation compile(String definition) {
        byte[] body = bytes(Json.object().put("definition", definition));
        return () -> expect(http.post(Routes.SIGNATURES_COMPILE, body), 200, "compiling a signature");
    }

    /** A submission, answered once the execution is durably accepted. */
    public TimedOperation submit(String programId, JsonNode inputs) {
        byte[] body = submission(programId, inputs);
        return () -> expect(http.post(Routes.EXECUTIONS, body), 202, "submitting an execution");
    }

    /** A submission followed until its execution is completed with outputs (polling, see above). */
    public TimedOperation submitToCompleted(String programId, JsonNode inputs) {
        byte[] body = submission(programId, inputs);
        return () -> {
            KeepAliveHttp.Response accepted =
                    expect(http.post(Routes.EXECUTIONS, body), 202, "submitting an execution");
            if (accepted.location() == null) {
                throw new IllegalStateException("the accepted submission names no location to follow");
            }
            byte[] poll = http.prepareGet(accepted.location());
            long deadline = System.nanoTime() + completionTimeout.toNanos();
            long pause = FIRST_POLL_NANOS;
            String status = "queued";
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(pause);
                pause = Math.min(LONGEST_POLL_NANOS, pause * 2);
                Execution execution = PlatformHttp.read(
                        expect(http.send(poll), 200, "reading an execution").text(), Execution.class);
                status = execution.status();
                if (execution.completed()) {
                    return;
                }
                if (execution.finished()) {
                    throw new IllegalStateException("the execution failed: " + execution.error());
                }
            }
            throw new IllegalStateException("the execution was not completed within " + completionTimeout.toSeconds()
                    + " s; last status " + status);
        };
    }

    /** One read of the liveness route: the cheapest thing the platform answers (used for driver fidelity). */
    public TimedOperation liveness() {
        byte[] request = http.prepareGet(Routes.LIVE);
        return () -> expect(http.send(request), 200, "liveness");
    }

    /** One read of an execution by id. */
    public TimedOperation readExecution(String executionId) {
        byte[] request = http.prepareGet(Routes.execution(executionId));
        return () -> expect(http.send(request), 200, "reading an execution");
    }

    private static byte[] submission(String programId, JsonNode inputs) {
        return bytes(RestExecutions.submission(programId, inputs));
    }

    private static KeepAliveHttp.Response expect(KeepAliveHttp.Response response, int status, String what) {
        if (response.status() != status) {
            String text = response.text();
            throw new IllegalStateException(
                    what + ": answered " + response.status() + " " + text.substring(0, Math.min(200, text.length())));
        }
        return response;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}

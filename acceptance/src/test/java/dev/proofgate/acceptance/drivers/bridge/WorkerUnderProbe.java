package dev.proofgate.acceptance.drivers.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.environment.ProcFiles;
import dev.proofgate.platform.bridge.BridgeException;
import dev.proofgate.platform.bridge.BridgeFrame;
import dev.proofgate.platform.bridge.WorkerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A Python worker started for one hostile probe: the suite sends it hand-made payloads and reads the
 * raw answers (with their ids), and can ask the operating system how much memory the worker took.
 */
public final class WorkerUnderProbe implements AutoCloseable {

    /** The frame limit the probed worker is started with (the platform's default). */
    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The worker's raw answer to one payload: the request id it named, success or the error type, and the answer as sent. */
    public record WorkerAnswer(String requestId, boolean ok, String errorType, String document) {}

    private final WorkerProcess worker;

    private WorkerUnderProbe(WorkerProcess worker) {
        this.worker = worker;
    }

    public static WorkerUnderProbe start(String python) {
        return new WorkerUnderProbe(
                WorkerProcess.start(python, MAX_FRAME_BYTES, (direction, compressed, bytes, json) -> {}));
    }

    public long pid() {
        return worker.pid();
    }

    /** A request whose arguments nest the given number of levels deep. */
    public WorkerAnswer sendDeeplyNested(String requestId, int depth) {
        String payload = "{\"id\": \"" + requestId + "\", \"command\": \"execute\", \"args\": {\"inputs\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}}";
        return sendPayload(payload.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A request padded to exactly the frame limit: with the flags byte, one byte over it. */
    public WorkerAnswer sendOneByteOverTheFrameLimit(String requestId) {
        byte[] payload = new byte[MAX_FRAME_BYTES];
        Arrays.fill(payload, (byte) 'x');
        byte[] start = ("{\"id\": \"" + requestId + "\", \"command\": \"execute\", \"args\": {\"pad\": \"")
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, payload, 0, start.length);
        payload[payload.length - 3] = '"';
        payload[payload.length - 2] = '}';
        payload[payload.length - 1] = '}';
        return sendPayload(payload, false);
    }

    /** A compressed frame of zeros that inflates to the given size. */
    public WorkerAnswer sendCompressedZeros(int mebibytes) {
        return sendPayload(new byte[mebibytes * 1024 * 1024], true);
    }

    /** Sends one payload as a frame (compressed when asked) and returns the worker's raw answer. */
    private WorkerAnswer sendPayload(byte[] payload, boolean compress) {
        JsonNode answer;
        try {
            answer = worker.client().sendRaw(BridgeFrame.encode(payload, compress), TIMEOUT);
        } catch (BridgeException e) {
            throw new AssertionError(
                    "the worker gave no answer it could be matched by: " + e.getMessage()
                            + (worker.alive() ? "" : " (the worker process is gone)"),
                    e);
        }
        return new WorkerAnswer(
                answer.path("id").asText(null),
                answer.path("ok").asBoolean(true),
                answer.path("error").path("type").asText(),
                answer.toPrettyString());
    }

    /** The status the worker reports to a health check. */
    public String healthStatus() {
        try {
            return worker.call("health_check", null, TIMEOUT).path("status").asText();
        } catch (BridgeException e) {
            throw new AssertionError("the worker no longer answers a health check: " + e.getMessage(), e);
        }
    }

    public long peakResidentKib() {
        return ProcFiles.peakResidentKib(ProcFiles.readLocal(worker.pid(), "status"));
    }

    @Override
    public void close() {
        worker.close();
    }
}

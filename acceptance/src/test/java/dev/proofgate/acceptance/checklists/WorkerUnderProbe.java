package dev.proofgate.acceptance.checklists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.environment.ProcFiles;
import dev.proofgate.gate.support.Json;
import dev.proofgate.platform.bridge.BridgeException;
import dev.proofgate.platform.bridge.BridgeFrame;
import dev.proofgate.platform.bridge.WorkerProcess;
import java.time.Duration;

/**
 * A Python worker started for one hostile probe: the suite sends it hand-made payloads and reads the
 * raw answers (with their ids), and can ask the operating system how much memory the worker took.
 */
public final class WorkerUnderProbe implements AutoCloseable {

    /** The frame limit the probed worker is started with (the platform's default). */
    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WorkerProcess worker;

    private WorkerUnderProbe(WorkerProcess worker) {
        this.worker = worker;
    }

    public static WorkerUnderProbe start(String python) {
        return new WorkerUnderProbe(WorkerProcess.start(python, MAX_FRAME_BYTES, (direction, compressed, bytes, json) -> { }));
    }

    public long pid() {
        return worker.pid();
    }

    /** Sends one payload as a frame (compressed when asked) and returns the worker's raw answer. */
    public JsonNode sendPayload(byte[] payload, boolean compress) {
        try {
            return worker.client().sendRaw(BridgeFrame.encode(payload, compress), TIMEOUT);
        } catch (BridgeException e) {
            throw new AssertionError("the worker gave no answer it could be matched by: " + e.getMessage()
                    + (worker.alive() ? "" : " (the worker process is gone)"), e);
        }
    }

    public JsonNode health() {
        try {
            return Json.object().set("result", worker.call("health_check", null, TIMEOUT));
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

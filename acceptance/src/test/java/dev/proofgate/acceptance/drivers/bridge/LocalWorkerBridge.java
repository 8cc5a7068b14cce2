package dev.proofgate.acceptance.drivers.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.BridgeDriver;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.platform.bridge.BridgeException;
import dev.proofgate.platform.bridge.FrameListener;
import dev.proofgate.platform.bridge.WorkerProcess;
import java.time.Duration;

/**
 * Starts the platform's Python worker next to the suite and speaks the protocol with the platform's
 * own bridge client; each frame sent and received is attached to the step that caused it.
 */
public final class LocalWorkerBridge implements BridgeDriver {

    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WorkerProcess worker;

    public LocalWorkerBridge(String python) {
        this.worker = WorkerProcess.start(python, MAX_FRAME_BYTES, LocalWorkerBridge::attach);
    }

    private static void attach(FrameListener.Direction direction, boolean compressed, int wireBytes, String json) {
        String name = "bridge frame " + (direction == FrameListener.Direction.SENT ? "sent" : "received")
                + " (" + wireBytes + " bytes" + (compressed ? ", zlib" : "") + ")";
        if (json.startsWith("{")) {
            Evidence.json(name, json);
        } else {
            Evidence.text(name, json);
        }
    }

    @Override
    public Reply request(String command, JsonNode args, boolean compressed) {
        try {
            return new Reply(worker.client().call(command, args, TIMEOUT, compressed), null, null);
        } catch (BridgeException e) {
            return failure(e);
        }
    }

    @Override
    public Reply sendRaw(byte[] bytes) {
        try {
            JsonNode response = worker.client().sendRaw(bytes, TIMEOUT);
            if (response.path("ok").asBoolean(false)) {
                return new Reply(response.path("result"), null, null);
            }
            return new Reply(null, response.path("error").path("type").asText(), response.path("error").path("message").asText());
        } catch (BridgeException e) {
            return failure(e);
        }
    }

    private static Reply failure(BridgeException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return new Reply(null, e.type(), colon >= 0 ? message.substring(colon + 2) : message);
    }

    @Override
    public int maxFrameBytes() {
        return MAX_FRAME_BYTES;
    }

    @Override
    public void close() {
        worker.close();
    }
}

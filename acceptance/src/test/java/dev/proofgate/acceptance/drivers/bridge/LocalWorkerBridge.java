package dev.proofgate.acceptance.drivers.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.BridgeDriver;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Json;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.bridge.BridgeException;
import dev.proofgate.platform.bridge.FrameListener;
import dev.proofgate.platform.bridge.WorkerProcess;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Starts the platform's Python worker next to the suite and speaks the protocol with the platform's
 * own bridge client; each frame sent and received is attached to the step that caused it.
 */
public final class LocalWorkerBridge implements BridgeDriver {

    public static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WorkerProcess worker;
    /**
     * Frames are seen on the client's reader thread, where no step is running: they wait here and are
     * attached by the step's own thread when its request returns, so each lands on the step that caused it.
     */
    private final Queue<String[]> frames = new ConcurrentLinkedQueue<>();

    public LocalWorkerBridge(String python) {
        this.worker = WorkerProcess.start(python, MAX_FRAME_BYTES, this::record);
        Evidence.text(
                "bridge worker under test",
                "A Python worker started by the suite itself (pid " + worker.pid() + ", " + python
                        + ", the worker program of the platform build the suite was compiled with), spoken to directly over the wire"
                        + " protocol. It is not a deployed platform's worker: these scenarios prove the protocol of this build.");
    }

    private void record(FrameListener.Direction direction, boolean compressed, int wireBytes, String json) {
        frames.add(new String[] {
            "bridge frame " + (direction == FrameListener.Direction.SENT ? "sent" : "received") + " (" + wireBytes
                    + " bytes" + (compressed ? ", zlib" : "") + ")",
            json
        });
    }

    private void attachFrames() {
        java.util.List<String[]> drained = new java.util.ArrayList<>();
        for (String[] frame = frames.poll(); frame != null; frame = frames.poll()) {
            drained.add(frame);
        }
        // the reader thread may log a reply before the writer logs its request: requests first, in order
        drained.sort(java.util.Comparator.comparing(frame -> frame[0].contains(" received ")));
        for (String[] frame : drained) {
            if (frame[1].startsWith("{")) {
                Evidence.json(frame[0], frame[1]);
            } else {
                Evidence.text(frame[0], frame[1]);
            }
        }
    }

    @Override
    public Reply request(String command, Map<String, ?> args, boolean compressed) {
        return call(command, args == null ? null : Json.MAPPER.valueToTree(args), compressed);
    }

    private Reply call(String command, JsonNode args, boolean compressed) {
        try {
            return new Reply(worker.client().call(command, args, TIMEOUT, compressed), null, null);
        } catch (BridgeException e) {
            return failure(e);
        } finally {
            attachFrames();
        }
    }

    @Override
    public Reply execute(String definition, Map<String, ?> inputs) {
        CompiledSignature signature;
        try {
            signature = new SignatureCompiler().compile(definition);
        } catch (CompileError e) {
            throw new IllegalArgumentException("the signature for the worker does not compile: " + e.getMessage(), e);
        }
        ObjectNode args = PythonPortAdapter.executeArgs(signature, Json.MAPPER.valueToTree(inputs), null);
        return call("execute", args, false);
    }

    @Override
    public Reply sendPayload(byte[] payload) {
        byte[] frame = ByteBuffer.allocate(5 + payload.length)
                .putInt(payload.length + 1)
                .put((byte) 0)
                .put(payload)
                .array();
        try {
            JsonNode response = worker.client().sendRaw(frame, TIMEOUT);
            if (response.path("ok").asBoolean(false)) {
                return new Reply(response.path("result"), null, null);
            }
            return new Reply(
                    null,
                    response.path("error").path("type").asText(),
                    response.path("error").path("message").asText());
        } catch (BridgeException e) {
            return failure(e);
        } finally {
            attachFrames();
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

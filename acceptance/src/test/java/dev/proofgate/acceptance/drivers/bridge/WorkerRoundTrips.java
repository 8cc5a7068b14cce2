package dev.proofgate.acceptance.drivers.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.bridge.FrameListener;
import dev.proofgate.platform.bridge.WorkerProcess;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.SignatureCompiler;
import java.time.Duration;

/**
 * A Python worker started for a load on the bridge alone: each round trip is one execute request of a
 * small question-answering model, answered over the wire protocol. No frame is attached: a load sends thousands.
 */
public final class WorkerRoundTrips implements AutoCloseable {

    private static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonNode QUESTION = Json.object().put("question", "Why is the sky blue?");

    private final WorkerProcess worker;
    private final JsonNode args;

    private WorkerRoundTrips(WorkerProcess worker, JsonNode args) {
        this.worker = worker;
        this.args = args;
    }

    public static WorkerRoundTrips start(String python) throws CompileError {
        var signature = new SignatureCompiler()
                .compile("signature bridge_load: :string question -> :string answer, :confidence_score confidence");
        JsonNode args = PythonPortAdapter.executeArgs(signature, QUESTION, null);
        return new WorkerRoundTrips(WorkerProcess.start(python, MAX_FRAME_BYTES, FrameListener.NONE), args);
    }

    /** One execute request and its answer. */
    public void roundTrip() throws Exception {
        worker.client().call("execute", args, TIMEOUT);
    }

    @Override
    public void close() {
        worker.close();
    }
}

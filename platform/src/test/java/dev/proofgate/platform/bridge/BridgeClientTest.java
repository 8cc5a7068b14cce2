package dev.proofgate.platform.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java client against a real Python worker process. */
class BridgeClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Above the 64 KiB where either side compresses, so a compressed request still fits once inflated. */
    private static final int FRAME_LIMIT = 128 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private WorkerProcess worker;

    @BeforeEach
    void start() {
        worker = WorkerProcess.start(
                "python3",
                FRAME_LIMIT,
                (direction, compressed, bytes, json) -> frames.add(direction + (compressed ? " zlib" : " plain")));
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    @Test
    void healthCheckAndDescribe() throws BridgeException {
        JsonNode health = worker.call("health_check", null, TIMEOUT);
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("pid").asLong()).isEqualTo(worker.pid());
        assertThat(worker.call("describe", null, TIMEOUT).path("commands"))
                .extracting(JsonNode::asText)
                .contains("execute", "shutdown");
    }

    @Test
    void executeReturnsOutputsOfTheDeclaredTypes() throws BridgeException {
        JsonNode result = worker.call("execute", executeArgs("Why?", 0), TIMEOUT);
        assertThat(result.at("/outputs/answer").asText()).isEqualTo("answer for 'Why?'");
        assertThat(result.at("/outputs/confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void compressedRequestAndCompressedLargeResponse() throws BridgeException {
        String big = "x".repeat(40_000);
        JsonNode result = worker.client().call("execute", executeArgs(big, 0), TIMEOUT, true);
        assertThat(result.at("/outputs/answer").asText()).hasSize("answer for ''".length() + big.length());
        assertThat(frames).contains("SENT zlib");
        JsonNode bigger = worker.call("execute", executeArgs("y".repeat(70_000), 0), TIMEOUT);
        assertThat(bigger.at("/outputs/answer").asText()).endsWith("y'");
        assertThat(frames).contains("RECEIVED zlib", "RECEIVED plain");
    }

    @Test
    void aCompressedRequestTooLargeOnceInflatedIsRefusedByItsId() {
        assertThatThrownBy(() -> worker.call("execute", executeArgs("z".repeat(FRAME_LIMIT + 1), 0), TIMEOUT))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo("frame_too_large"));
    }

    @Test
    void everyWorkerErrorTypeComesBackTyped() throws BridgeException {
        assertThatThrownBy(() -> worker.call("levitate", null, TIMEOUT))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo("unknown_command"));
        assertThatThrownBy(() -> worker.call("execute", JSON.createObjectNode().put("signature", "nope"), TIMEOUT))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo("invalid_arguments"));
        ObjectNode failing = executeArgs("q", 0);
        failing.putObject("config").put("fail_with", "model exploded");
        assertThatThrownBy(() -> worker.call("execute", failing, TIMEOUT))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo("execution_error"));

        JsonNode malformed = worker.client().sendRaw(frame("{oops".getBytes(StandardCharsets.UTF_8)), TIMEOUT);
        assertThat(malformed.at("/error/type").asText()).isEqualTo("malformed_frame");
        JsonNode oversized = worker.client().sendRaw(frame(new byte[FRAME_LIMIT]), TIMEOUT);
        assertThat(oversized.at("/error/type").asText()).isEqualTo("frame_too_large");
        assertThat(worker.call("health_check", null, TIMEOUT).path("status").asText())
                .as("still serving")
                .isEqualTo("ok");
    }

    @Test
    void aCallThatTimesOutNamesWhatTheWorkerAnsweredWithoutItsId() throws IOException {
        // a worker that cannot read a request answers without its id: the client cannot pair the two, but says so
        PipedOutputStream workerStdout = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(workerStdout, 64 * 1024);
        byte[] idless = BridgeFrame.encode(
                ("{\"id\":null,\"ok\":false,\"error\":{\"type\":\"malformed_frame\","
                                + "\"message\":\"payload is not UTF-8 JSON\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                false);
        OutputStream workerStdin = new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void flush() throws IOException {
                workerStdout.write(idless); // the worker's answer to the request just written
                workerStdout.flush();
            }
        };
        try (BridgeClient client = new BridgeClient(
                clientIn, workerStdin, (direction, compressed, bytes, json) -> {}, 64 * 1024, "test")) {
            assertThatThrownBy(() -> client.call("health_check", null, Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(BridgeException.class, e -> {
                        assertThat(e.type())
                                .as("still a timeout, so the pool treats the worker as it did")
                                .isEqualTo(BridgeException.TIMEOUT);
                        assertThat(e.getMessage())
                                .as("the message")
                                .contains("without a request id", "malformed_frame", "payload is not UTF-8 JSON");
                    });
        }
    }

    @Test
    void frameSplitAcrossWritesIsReassembled() throws Exception {
        byte[] request = BridgeFrame.encode(
                "{\"id\":\"split\",\"command\":\"health_check\"}".getBytes(StandardCharsets.UTF_8), false);
        OutputStream stdin = stdin();
        synchronized (stdin) {
            stdin.write(request, 0, 3);
            stdin.flush();
            Thread.sleep(200); // the worker must wait for the rest of the frame, not answer a partial one
            stdin.write(request, 3, request.length - 3);
            stdin.flush();
        }
        // the worker serves frames in order: the split request was served first, so this reports exactly one
        assertThat(worker.call("health_check", null, TIMEOUT)
                        .path("requests_served")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void concurrentCallsAreMatchedToTheirResponsesById() throws Exception {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String question = "question " + i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return worker.call("execute", executeArgs(question, 0), TIMEOUT)
                            .at("/outputs/answer")
                            .asText();
                } catch (BridgeException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(answers.get(i).get()).isEqualTo("answer for 'question " + i + "'");
        }
    }

    @Test
    void aDeadWorkerFailsPendingCallsAsWorkerGone() {
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.kill();
        });
        assertThatThrownBy(() -> worker.call("execute", executeArgs("slow", 5_000), TIMEOUT))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo(BridgeException.WORKER_GONE));
        killer.join();
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        assertThatThrownBy(() -> worker.call("execute", executeArgs("slow", 2_000), Duration.ofMillis(200)))
                .isInstanceOfSatisfying(
                        BridgeException.class, e -> assertThat(e.type()).isEqualTo(BridgeException.TIMEOUT));
    }

    static ObjectNode executeArgs(String question, int latencyMs) {
        try {
            CompiledSignature signature = new SignatureCompiler()
                    .compile("signature qa: :string question -> :string answer, :confidence_score confidence");
            return PythonPortAdapter.executeArgs(
                    signature,
                    JSON.createObjectNode().put("question", question),
                    JSON.createObjectNode().put("latency_ms", latencyMs));
        } catch (CompileError e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length)
                .putInt(payload.length + 1)
                .put((byte) 0)
                .put(payload)
                .array();
    }

    private OutputStream stdin() throws ReflectiveOperationException {
        Field out = BridgeClient.class.getDeclaredField("out");
        out.setAccessible(true);
        return (OutputStream) out.get(worker.client());
    }
}

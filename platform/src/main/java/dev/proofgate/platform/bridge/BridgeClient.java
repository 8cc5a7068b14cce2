package dev.proofgate.platform.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Speaks the bridge protocol over a pair of streams (a worker's stdout and stdin). Requests carry
 * ids; a reader thread matches each response to its request, so replies may come in any order.
 * Responses without an id (the worker's answer to a frame it could not read) are kept apart, the
 * newest few: {@link #sendRaw} returns them, and a call that times out names those that came while it
 * waited, since a worker that could not read a request answers it without its id.
 */
public final class BridgeClient implements AutoCloseable {

    public static final int DEFAULT_COMPRESS_ABOVE_BYTES = 64 * 1024;
    private static final int MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
    /** Answers without an id kept at most: the newest are the ones a raw frame or a timed-out call asks about. */
    private static final int UNADDRESSED_KEPT = 8;

    private final OutputStream out;
    private final InputStream in;
    private final FrameListener listener;
    private final int compressAboveBytes;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Unaddressed> unaddressed = new LinkedBlockingQueue<>(UNADDRESSED_KEPT);
    private final Thread reader;
    private volatile String closedReason;

    public BridgeClient(InputStream in, OutputStream out, FrameListener listener, int compressAboveBytes, String name) {
        this.in = in;
        this.out = out;
        this.listener = listener;
        this.compressAboveBytes = compressAboveBytes;
        this.reader = new Thread(this::readLoop, "bridge-reader-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public JsonNode call(String command, JsonNode args, Duration timeout) throws BridgeException {
        return call(command, args, timeout, false);
    }

    /** Sends one request and waits for its response; {@code forceCompression} compresses even a small payload. */
    public JsonNode call(String command, JsonNode args, Duration timeout, boolean forceCompression)
            throws BridgeException {
        String id = Long.toString(nextId.getAndIncrement());
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("id", id);
        request.put("command", command);
        request.set("args", args == null ? Json.MAPPER.createObjectNode() : args);
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        try {
            byte[] json = Json.write(request).getBytes(StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            write(json, forceCompression || json.length > compressAboveBytes);
            return unwrap(await(response, timeout, command, sent));
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Writes arbitrary bytes (a deliberately malformed or oversized frame) and returns the next
     * response that carries no request id.
     */
    public JsonNode sendRaw(byte[] bytes, Duration timeout) throws BridgeException {
        unaddressed.clear();
        writeBytes(bytes, -1, false, "<" + bytes.length + " raw bytes>");
        try {
            Unaddressed answer = unaddressed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new BridgeException(
                        BridgeException.TIMEOUT, "no answer to raw frame within " + timeout.toMillis() + " ms");
            }
            return answer.response();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(BridgeException.TIMEOUT, "interrupted");
        }
    }

    public boolean open() {
        return closedReason == null;
    }

    private void write(byte[] json, boolean compress) throws BridgeException {
        writeBytes(BridgeFrame.encode(json, compress), json.length, compress, new String(json, StandardCharsets.UTF_8));
    }

    private void writeBytes(byte[] frame, int payloadBytes, boolean compressed, String description)
            throws BridgeException {
        if (closedReason != null) {
            throw new BridgeException(BridgeException.WORKER_GONE, closedReason);
        }
        try {
            synchronized (out) {
                out.write(frame);
                out.flush();
            }
            listener.frame(FrameListener.Direction.SENT, compressed, frame.length, description);
        } catch (IOException e) {
            throw new BridgeException(BridgeException.WORKER_GONE, "write failed: " + e.getMessage());
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> response, Duration timeout, String command, long sentNanos)
            throws BridgeException {
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            List<String> meanwhile = unaddressed.stream()
                    .filter(u -> u.receivedNanos() - sentNanos >= 0)
                    .map(u -> Json.write(u.response().path("error")))
                    .toList();
            throw new BridgeException(
                    BridgeException.TIMEOUT,
                    "no answer to '" + command + "' within " + timeout.toMillis() + " ms"
                            + (meanwhile.isEmpty()
                                    ? ""
                                    : "; meanwhile the worker answered without a request id: "
                                            + String.join(", ", meanwhile)));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BridgeException bridge) {
                throw bridge;
            }
            throw new BridgeException(BridgeException.WORKER_GONE, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(BridgeException.TIMEOUT, "interrupted while waiting for '" + command + "'");
        }
    }

    private static JsonNode unwrap(JsonNode response) throws BridgeException {
        if (response.path("ok").asBoolean(false)) {
            return response.path("result");
        }
        JsonNode error = response.path("error");
        throw new BridgeException(
                error.path("type").asText("protocol_error"),
                error.path("message").asText("no message"));
    }

    private void readLoop() {
        String reason = "worker closed its output";
        try {
            BridgeFrame frame;
            while ((frame = BridgeFrame.read(in, MAX_RESPONSE_BYTES)) != null) {
                String json = new String(frame.payload(), StandardCharsets.UTF_8);
                listener.frame(FrameListener.Direction.RECEIVED, frame.compressed(), frame.payload().length + 5, json);
                JsonNode response = Json.MAPPER.readTree(json);
                JsonNode id = response.get("id");
                CompletableFuture<JsonNode> waiting = id == null || id.isNull() ? null : pending.get(id.asText());
                if (waiting != null) {
                    waiting.complete(response);
                } else {
                    Unaddressed answer = new Unaddressed(System.nanoTime(), response);
                    while (!unaddressed.offer(answer)) {
                        unaddressed.poll(); // only the newest are asked about
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            reason = "bridge stream failed: " + e.getMessage();
        }
        closedReason = reason;
        BridgeException gone = new BridgeException(BridgeException.WORKER_GONE, reason);
        pending.values().forEach(future -> future.completeExceptionally(gone));
    }

    /** An answer without a request id (the worker's answer to a frame it could not read), with when it came. */
    private record Unaddressed(long receivedNanos, JsonNode response) {}

    @Override
    public void close() {
        closedReason = closedReason == null ? "client closed" : closedReason;
        try {
            out.close();
        } catch (IOException ignored) {
            // the worker may already be gone; closing is best effort
        }
    }
}

package dev.proofgate.platform.bridge;

/**
 * A failed bridge call. Types sent by the worker: {@code malformed_frame}, {@code frame_too_large},
 * {@code unknown_command}, {@code invalid_arguments}, {@code execution_error}. Types raised by the
 * client: {@code timeout} (no answer in time) and {@code worker_gone} (the stream closed: the worker died).
 */
public final class BridgeException extends Exception {

    public static final String TIMEOUT = "timeout";
    public static final String WORKER_GONE = "worker_gone";

    private final String type;

    public BridgeException(String type, String message) {
        super(type + ": " + message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    public boolean workerLost() {
        return TIMEOUT.equals(type) || WORKER_GONE.equals(type);
    }
}

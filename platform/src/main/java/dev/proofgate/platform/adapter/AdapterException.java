package dev.proofgate.platform.adapter;

/**
 * An adapter could not produce outputs. {@code retryable} failures (a worker died, none was free)
 * are tried again on the same claim; the others fail the execution with {@code type}.
 */
public final class AdapterException extends Exception {

    private final String type;
    private final boolean retryable;

    public AdapterException(String type, String message, boolean retryable) {
        super(message);
        this.type = type;
        this.retryable = retryable;
    }

    public String type() {
        return type;
    }

    public boolean retryable() {
        return retryable;
    }
}

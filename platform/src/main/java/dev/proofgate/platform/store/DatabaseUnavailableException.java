package dev.proofgate.platform.store;

/** The database cannot be reached right now; callers answer 503 with Retry-After and try again later. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

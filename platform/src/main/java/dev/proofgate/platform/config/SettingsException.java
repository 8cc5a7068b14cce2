package dev.proofgate.platform.config;

/** A missing or malformed setting; its message is the one line printed before the platform refuses to start. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}

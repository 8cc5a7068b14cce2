package dev.proofgate.platform;

import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.config.SettingsException;

/** Starts the platform from environment variables; a bad setting stops start-up with one line and exit code 2. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment();
        } catch (SettingsException e) {
            System.err.println("proofgate: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Platform platform = new Platform(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            System.err.println("proofgate: start-up failed: " + e.getMessage());
            System.exit(1);
        }
    }
}

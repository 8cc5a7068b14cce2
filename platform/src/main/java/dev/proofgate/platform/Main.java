package dev.proofgate.platform;

import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.config.SettingsException;
import dev.proofgate.platform.store.Json;

/** Starts the platform from environment variables; a bad setting stops start-up with one line and exit code 2. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--settings")) {
            // The settings as the code reads them, for operators and for checks that must not keep their own list.
            System.out.println(Json.write(Json.MAPPER.createObjectNode().set("settings", Json.MAPPER.valueToTree(Settings.catalogue()))));
            return;
        }
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

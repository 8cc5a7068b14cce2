package dev.proofgate.platform;

import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.config.SettingsException;
import dev.proofgate.platform.store.Json;

/** Starts the platform from environment variables; a bad setting stops start-up with one line and exit code 2. */
public final class Main {

    private Main() {}

    /**
     * The JDK keeps, per thread and for good, a native buffer as large as the largest write that thread
     * made from heap memory. Unpacking the embedded PostgreSQL writes megabytes at a time, so without a bound
     * tens of megabytes of native memory would stay held for the platform's whole life (docs/benchmarks.md,
     * "Native memory held after start-up"); writes over 64 KiB get a buffer of their own instead. The JDK
     * reads the property at its first channel I/O, so it is set before anything else.
     */
    private static final String LARGEST_CACHED_IO_BUFFER = "65536";

    public static void main(String[] args) {
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", LARGEST_CACHED_IO_BUFFER);
        }
        if (args.length == 1 && args[0].equals("--settings")) {
            // The settings as the code reads them, for operators and for checks that must not keep their own list.
            System.out.println(Json.write(
                    Json.MAPPER.createObjectNode().set("settings", Json.MAPPER.valueToTree(Settings.catalogue()))));
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

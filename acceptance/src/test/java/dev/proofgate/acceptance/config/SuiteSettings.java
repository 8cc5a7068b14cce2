package dev.proofgate.acceptance.config;

import dev.proofgate.gate.config.GateSettings;
import dev.proofgate.gate.config.Settings;
import dev.proofgate.gate.machine.Disturbance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the readiness suite, read in this one place as {@link Settings} says: the
 * reference platform's own (where it runs, its keys, its images) and the gate's ({@link GateSettings}).
 * The table is in README.md.
 */
public record SuiteSettings(
        String mode,
        Optional<String> baseUrl,
        String apiKey,
        Optional<String> limitedApiKey,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String python,
        int platformBridgeWorkers,
        Duration startupTimeout,
        Duration awaitTimeout,
        String loadProfile,
        int corpusSize,
        int contractSamples,
        String postgresImage,
        String platformBaseImage,
        GateSettings gateSettings) {

    public static final String EMBEDDED = "embedded";
    public static final String CONTAINERS = "containers";
    public static final String COMPOSE = "compose";
    public static final String REMOTE = "remote";

    public static SuiteSettings load() {
        String mode = Settings.choice("proofgate.mode", EMBEDDED, EMBEDDED, CONTAINERS, COMPOSE, REMOTE);
        return new SuiteSettings(
                mode,
                Settings.optional("proofgate.base.url"),
                Settings.value("proofgate.api.key", "readiness-suite-key"),
                Settings.optional("proofgate.api.key.limited"),
                Settings.optional("proofgate.db.url"),
                Settings.value("proofgate.db.user", "postgres"),
                Settings.value("proofgate.db.password", "postgres"),
                Settings.value("proofgate.python", "python3"),
                Integer.parseInt(Settings.value("proofgate.bridge.workers", "2")),
                Duration.ofSeconds(Long.parseLong(Settings.value("proofgate.startup.timeout.seconds", "120"))),
                Duration.ofSeconds(Long.parseLong(Settings.value("proofgate.await.timeout.seconds", "30"))),
                Settings.choice("proofgate.load.profile", "ci", "ci", "full"),
                Integer.parseInt(Settings.value("proofgate.corpus.size", "3000")),
                Integer.parseInt(Settings.value("proofgate.contract.samples", "20")),
                Settings.value("proofgate.image.postgres", "postgres:17"),
                Settings.value("proofgate.image.platform.base", "eclipse-temurin:17-jre"),
                GateSettings.load());
    }

    public Path projectDirectory() {
        return gateSettings.projectDirectory();
    }

    public List<String> requiredAreas() {
        return gateSettings.requiredAreas();
    }

    public String gate() {
        return gateSettings.gate();
    }

    public String runId() {
        return gateSettings.runId();
    }

    /** Above these a timed measurement's machine was disturbed (README: Reading the verdict). */
    public Disturbance.Thresholds machineThresholds() {
        return Disturbance.Thresholds.configured();
    }

    public boolean consoleShowsFailuresOnly() {
        return gateSettings.consoleShowsFailuresOnly();
    }

    public Path resultsDirectory() {
        return gateSettings.resultsDirectory();
    }

    public Path reportDirectory() {
        return gateSettings.reportDirectory();
    }

    public Path verdictDirectory() {
        return gateSettings.verdictDirectory();
    }

    /** The requests per second of the rate-limited key in the modes that configure the platform themselves. */
    public static final int LIMITED_KEY_RATE = 50;

    /** The rate-limited key where the suite configures the platform (embedded, containers): given, or derived from the suite's key. */
    public String ownLimitedApiKey() {
        return limitedApiKey.orElse(apiKey + "-limited");
    }

    /** PROOFGATE_API_KEYS for a platform the suite configures: its own key, and the rate-limited key with its limit. */
    public String platformApiKeys() {
        return apiKey + "," + ownLimitedApiKey() + ":" + LIMITED_KEY_RATE;
    }

    public Path workDirectory() {
        return projectDirectory().resolve("acceptance").resolve("target").resolve("proofgate-env");
    }
}

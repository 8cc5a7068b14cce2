package dev.proofgate.acceptance.config;

import dev.proofgate.acceptance.machine.Disturbance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the readiness suite, read in this one place: a system property
 * ({@code -Dproofgate.mode=remote}) wins over an environment variable ({@code PROOFGATE_MODE=remote}),
 * which wins over the local default. The table is in README.md.
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
        Path projectDirectory,
        List<String> requiredAreas,
        String gate,
        String loadProfile,
        String runId,
        int corpusSize,
        String console,
        int contractSamples,
        String postgresImage,
        String platformBaseImage,
        double machineForeignCpuPercent,
        double machineStealPercent) {

    public static final String EMBEDDED = "embedded";
    public static final String CONTAINERS = "containers";
    public static final String COMPOSE = "compose";
    public static final String REMOTE = "remote";
    /** The run id when no build gave one (a run from the IDE): one per JVM, so every part of the run agrees. */
    private static final String LOCAL_RUN_ID = "local-" + java.util.UUID.randomUUID();

    public static SuiteSettings load() {
        String mode = choice("proofgate.mode", EMBEDDED, EMBEDDED, CONTAINERS, COMPOSE, REMOTE);
        return new SuiteSettings(
                mode,
                optional("proofgate.base.url"),
                value("proofgate.api.key", "readiness-suite-key"),
                optional("proofgate.api.key.limited"),
                optional("proofgate.db.url"),
                value("proofgate.db.user", "postgres"),
                value("proofgate.db.password", "postgres"),
                value("proofgate.python", "python3"),
                Integer.parseInt(value("proofgate.bridge.workers", "2")),
                Duration.ofSeconds(Long.parseLong(value("proofgate.startup.timeout.seconds", "120"))),
                Duration.ofSeconds(Long.parseLong(value("proofgate.await.timeout.seconds", "30"))),
                findProjectDirectory(),
                Arrays.stream(value("proofgate.required.areas", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                choice("proofgate.gate", "off", "off", "no-go", "inconclusive"),
                choice("proofgate.load.profile", "ci", "ci", "full"),
                value("proofgate.run.id", LOCAL_RUN_ID),
                Integer.parseInt(value("proofgate.corpus.size", "3000")),
                choice("proofgate.console", "all", "all", "failures"),
                Integer.parseInt(value("proofgate.contract.samples", "20")),
                value("proofgate.image.postgres", "postgres:17"),
                value("proofgate.image.platform.base", "eclipse-temurin:17-jre"),
                Double.parseDouble(value("proofgate.machine.foreign.cpu.percent", "20")),
                Double.parseDouble(value("proofgate.machine.steal.percent", "5")));
    }

    /** Above these a timed measurement's machine was disturbed (README: Reading the verdict). */
    public Disturbance.Thresholds machineThresholds() {
        return new Disturbance.Thresholds(machineForeignCpuPercent, machineStealPercent);
    }

    /** The folder holding features/ and allure-results/: given, or found by walking up from the working directory. */
    private static Path findProjectDirectory() {
        Optional<String> given = optional("proofgate.project.dir");
        if (given.isPresent()) {
            return Path.of(given.get()).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("features"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
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

    /** {@code -Dproofgate.console=failures}: the console lists only scenarios that did not pass (and why), then the verdict. */
    public boolean consoleShowsFailuresOnly() {
        return "failures".equals(console);
    }

    public Path resultsDirectory() {
        return projectDirectory.resolve("allure-results");
    }

    public Path reportDirectory() {
        return projectDirectory.resolve("readiness-report");
    }

    /** Where verdict.json and verdict.md are written. */
    public Path verdictDirectory() {
        return projectDirectory.resolve("acceptance").resolve("target").resolve("readiness");
    }

    public Path workDirectory() {
        return projectDirectory.resolve("acceptance").resolve("target").resolve("proofgate-env");
    }

    private static Optional<String> optional(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A setting with a closed set of values: anything else stops the run with one line naming both. */
    private static String choice(String property, String fallback, String... allowed) {
        String chosen = value(property, fallback).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(chosen)) {
            throw new IllegalArgumentException("unknown value '" + chosen + "' for setting " + property + "; allowed: "
                    + String.join(", ", allowed));
        }
        return chosen;
    }

    private static String value(String property, String fallback) {
        return optional(property).orElse(fallback);
    }
}

package dev.proofgate.platform.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the platform, read once from the environment and validated before anything
 * starts. See platform/README.md for the table of variables.
 */
public record Settings(
        int port,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        Path dataDirectory,
        List<String> apiKeys,
        int rateLimitPerSecond,
        long bodyLimitBytes,
        int dispatcherWorkers,
        int bridgeWorkers,
        String python,
        int bridgeFrameLimitBytes,
        int leaseSeconds,
        int shutdownGraceSeconds) {

    public static final String DEFAULT_API_KEY = "local-dev-key";

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        Reader r = new Reader(env);
        Settings settings = new Settings(
                r.integer("PROOFGATE_PORT", 8080, 0, 65535),
                r.optional("PROOFGATE_DB_URL").map(url -> {
                    if (!url.startsWith("jdbc:postgresql://")) {
                        String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?..." : url;
                        throw new SettingsException("PROOFGATE_DB_URL must start with jdbc:postgresql://, got '" + shown + "'");
                    }
                    return url;
                }),
                r.text("PROOFGATE_DB_USER", "postgres"),
                r.text("PROOFGATE_DB_PASSWORD", "postgres"),
                Path.of(r.text("PROOFGATE_DATA_DIR", ".proofgate/pgdata")).toAbsolutePath(),
                r.list("PROOFGATE_API_KEYS", DEFAULT_API_KEY),
                r.integer("PROOFGATE_RATE_LIMIT", 200, 1, 1_000_000),
                r.integer("PROOFGATE_BODY_LIMIT_BYTES", 1_048_576, 1024, 64 * 1_048_576),
                r.integer("PROOFGATE_DISPATCHER_WORKERS", 4, 1, 256),
                r.integer("PROOFGATE_BRIDGE_WORKERS", Runtime.getRuntime().availableProcessors(), 0, 64),
                r.text("PROOFGATE_PYTHON", "python3"),
                r.integer("PROOFGATE_BRIDGE_FRAME_LIMIT_BYTES", 8 * 1_048_576, 1024, 256 * 1_048_576),
                r.integer("PROOFGATE_LEASE_SECONDS", 15, 1, 3600),
                r.integer("PROOFGATE_SHUTDOWN_GRACE_SECONDS", 20, 0, 600));
        for (String key : settings.apiKeys) {
            if (key.length() < 8) {
                throw new SettingsException("PROOFGATE_API_KEYS: every key must be at least 8 characters");
            }
        }
        return settings;
    }

    public boolean localMode() {
        return databaseUrl.isEmpty();
    }

    /** The settings as they may be logged: the password and keys are never shown. */
    public String describe() {
        return "port=" + port + " database=" + databaseUrl.orElse("embedded PostgreSQL in " + dataDirectory)
                + " apiKeys=" + apiKeys.size() + " rateLimit=" + rateLimitPerSecond + "/s bodyLimit=" + bodyLimitBytes
                + "B dispatcherWorkers=" + dispatcherWorkers + " bridgeWorkers=" + bridgeWorkers
                + " python=" + python + " lease=" + leaseSeconds + "s";
    }

    private record Reader(Map<String, String> env) {

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) {
                    throw new SettingsException(name + " must be between " + min + " and " + max + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new SettingsException(name + " must be an integer, got '" + raw.get() + "'");
            }
        }

        List<String> list(String name, String fallback) {
            List<String> values = Arrays.stream(text(name, fallback).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new SettingsException(name + " must list at least one value");
            }
            return values;
        }
    }
}

package dev.proofgate.platform.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
        int shutdownGraceSeconds,
        int authFailuresPerSecond,
        Map<String, Integer> keyRateLimits) {

    public static final String DEFAULT_API_KEY = "local-dev-key";

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        return read(new Reader(env, null));
    }

    /**
     * Every setting as the code above reads it: name, kind, default and bounds, recorded while reading
     * an empty environment. Printed by {@code Main --settings} so that checks enumerate the settings
     * from the platform itself, never from a list kept somewhere else.
     */
    public static List<Map<String, Object>> catalogue() {
        List<Map<String, Object>> declared = new ArrayList<>();
        read(new Reader(Map.of(), declared));
        return declared;
    }

    private static Settings read(Reader r) {
        Settings settings = new Settings(
                r.integer("PROOFGATE_PORT", 8080, 0, 65535),
                r.declared("PROOFGATE_DB_URL", "jdbc_url", null)
                        .optional("PROOFGATE_DB_URL")
                        .map(url -> {
                            if (!url.startsWith("jdbc:postgresql://")) {
                                String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?..." : url;
                                throw new SettingsException(
                                        "PROOFGATE_DB_URL must start with jdbc:postgresql://, got '" + shown + "'");
                            }
                            return url;
                        }),
                r.text("PROOFGATE_DB_USER", "postgres"),
                r.declared("PROOFGATE_DB_PASSWORD", "secret", null).text("PROOFGATE_DB_PASSWORD", "postgres"),
                r.directory("PROOFGATE_DATA_DIR", ".proofgate/pgdata"),
                r.list("PROOFGATE_API_KEYS", DEFAULT_API_KEY),
                r.integer("PROOFGATE_RATE_LIMIT", 200, 1, 1_000_000),
                r.integer("PROOFGATE_BODY_LIMIT_BYTES", 1_048_576, 1024, 64 * 1_048_576),
                r.integer("PROOFGATE_DISPATCHER_WORKERS", 4, 1, 256),
                r.integer("PROOFGATE_BRIDGE_WORKERS", Runtime.getRuntime().availableProcessors(), 0, 64),
                r.executable("PROOFGATE_PYTHON", "python3"),
                r.integer("PROOFGATE_BRIDGE_FRAME_LIMIT_BYTES", 8 * 1_048_576, 1024, 256 * 1_048_576),
                r.integer("PROOFGATE_LEASE_SECONDS", 15, 1, 3600),
                r.integer("PROOFGATE_SHUTDOWN_GRACE_SECONDS", 20, 0, 600),
                r.integer("PROOFGATE_AUTH_FAILURE_LIMIT", 50, 1, 100_000),
                Map.of());
        settings = settings.withKeys(settings.apiKeys);
        if (settings.bridgeWorkers > 0 && !r.recording() && !runnable(settings.python)) {
            throw new SettingsException("PROOFGATE_PYTHON: no executable '" + settings.python
                    + "' (needed by PROOFGATE_BRIDGE_WORKERS=" + settings.bridgeWorkers + ")");
        }
        return settings;
    }

    /**
     * The keys as given: each entry is a key, or a key and its own rate limit as {@code key:requests-per-second}
     * (a partner on a smaller plan, say); keys without one share PROOFGATE_RATE_LIMIT's figure, each for itself.
     */
    private Settings withKeys(List<String> entries) {
        List<String> keys = new ArrayList<>();
        Map<String, Integer> limits = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String key = colon < 0 ? entry : entry.substring(0, colon);
            if (key.length() < 8) {
                throw new SettingsException("PROOFGATE_API_KEYS: every key must be at least 8 characters");
            }
            if (colon >= 0) {
                String limit = entry.substring(colon + 1);
                if (!limit.matches("\\d{1,7}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 1_000_000) {
                    throw new SettingsException(
                            "PROOFGATE_API_KEYS: a key's own rate limit follows a colon and is a whole number "
                                    + "of requests per second from 1 to 1000000 (key:50)");
                }
                limits.put(key, Integer.parseInt(limit));
            }
            keys.add(key);
        }
        return new Settings(
                port,
                databaseUrl,
                databaseUser,
                databasePassword,
                dataDirectory,
                List.copyOf(keys),
                rateLimitPerSecond,
                bodyLimitBytes,
                dispatcherWorkers,
                bridgeWorkers,
                python,
                bridgeFrameLimitBytes,
                leaseSeconds,
                shutdownGraceSeconds,
                authFailuresPerSecond,
                Map.copyOf(limits));
    }

    /** The requests per second a key may make: its own limit, else PROOFGATE_RATE_LIMIT. */
    public int rateLimitOf(String key) {
        return keyRateLimits.getOrDefault(key, rateLimitPerSecond);
    }

    public boolean localMode() {
        return databaseUrl.isEmpty();
    }

    /** The settings as they may be logged: the password and keys are never shown. */
    public String describe() {
        return "port=" + port + " database=" + databaseUrl.orElse("embedded PostgreSQL in " + dataDirectory)
                + " apiKeys=" + apiKeys.size() + " (" + keyRateLimits.size()
                + " with a rate limit of their own) rateLimit=" + rateLimitPerSecond + "/s bodyLimit=" + bodyLimitBytes
                + "B dispatcherWorkers=" + dispatcherWorkers + " bridgeWorkers=" + bridgeWorkers
                + " python=" + python + " lease=" + leaseSeconds + "s authFailures=" + authFailuresPerSecond + "/s";
    }

    /** An executable path, or a command found on PATH. */
    private static boolean runnable(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    /** Reads the environment; when {@code declared} is given, also records each setting it reads (see {@link #catalogue()}). */
    private record Reader(Map<String, String> env, List<Map<String, Object>> declared) {

        boolean recording() {
            return declared != null;
        }

        Reader declared(String name, String kind, Object fallback) {
            if (declared != null && declared.stream().noneMatch(setting -> name.equals(setting.get("name")))) {
                Map<String, Object> setting = new LinkedHashMap<>();
                setting.put("name", name);
                setting.put("kind", kind);
                setting.put("default", fallback);
                declared.add(setting);
            }
            return this;
        }

        private Reader bounds(String name, long min, long max) {
            if (declared != null) {
                declared.stream()
                        .filter(setting -> name.equals(setting.get("name")))
                        .forEach(setting -> {
                            setting.put("minimum", min);
                            setting.put("maximum", max);
                        });
            }
            return this;
        }

        Path directory(String name, String fallback) {
            declared(name, "directory", fallback);
            Path path = Path.of(text(name, fallback)).toAbsolutePath();
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new SettingsException(name + " must be a directory, but '" + path + "' is a file");
            }
            return path;
        }

        String executable(String name, String fallback) {
            return declared(name, "executable", fallback).text(name, fallback);
        }

        Optional<String> optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        String text(String name, String fallback) {
            declared(name, "text", fallback);
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            declared(name, "integer", fallback).bounds(name, min, max);
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
            declared(name, "key_list", fallback);
            List<String> values = Arrays.stream(text(name, fallback).split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (values.isEmpty()) {
                throw new SettingsException(name + " must list at least one value");
            }
            return values;
        }
    }
}

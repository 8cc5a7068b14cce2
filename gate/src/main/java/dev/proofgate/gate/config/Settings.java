package dev.proofgate.gate.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How a setting is read, by the gate and by the suite that uses it: a system property
 * ({@code -Dproofgate.mode=remote}) wins over an environment variable ({@code PROOFGATE_MODE=remote}),
 * which wins over the suite's own {@code proofgate.properties} on the classpath, which wins over the default.
 */
public final class Settings {

    /** The classpath resource where a suite writes the settings that describe it (its areas, its folders). */
    public static final String SUITE_FILE = "proofgate.properties";

    private static final Properties SUITE = suiteFile();

    private Settings() {}

    public static Optional<String> optional(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        if (value == null || value.isBlank()) {
            value = SUITE.getProperty(property);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String value(String property, String fallback) {
        return optional(property).orElse(fallback);
    }

    /** A comma-separated list; empty when the setting is not given. */
    public static List<String> list(String property) {
        return Arrays.stream(value(property, "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A setting with a closed set of values: anything else stops the run with one line naming both. */
    public static String choice(String property, String fallback, String... allowed) {
        String chosen = value(property, fallback).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(chosen)) {
            throw new IllegalArgumentException("unknown value '" + chosen + "' for setting " + property + "; allowed: "
                    + String.join(", ", allowed));
        }
        return chosen;
    }

    private static Properties suiteFile() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Settings.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(SUITE_FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SUITE_FILE, e);
        }
        return properties;
    }
}

package dev.proofgate.gate.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What the run was asked to do, read from the same places Cucumber reads its options: system
 * properties, environment variables, junit-platform.properties and cucumber.properties on the
 * classpath, and the command line of Cucumber's own launcher. A run narrowed by tags, names or
 * feature paths is partial; a dry run executes no step at all.
 */
record RunSelection(boolean dryRun, List<String> filters) {

    static RunSelection current() {
        boolean dryRun =
                "true".equalsIgnoreCase(option("cucumber.execution.dry-run").orElse("false"));
        List<String> filters = new ArrayList<>();
        option("cucumber.filter.tags").ifPresent(tags -> filters.add("tags " + tags));
        option("cucumber.filter.name").ifPresent(name -> filters.add("name " + name));
        option("cucumber.features").ifPresent(features -> filters.add("features " + features));
        String command = System.getProperty("sun.java.command", "");
        if (command.startsWith("io.cucumber.core.cli.Main")) {
            List<String> args = List.of(command.split("\\s+"));
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (("--tags".equals(arg) || "-t".equals(arg)) && i + 1 < args.size()) {
                    filters.add("tags " + args.get(i + 1));
                } else if (("--name".equals(arg) || "-n".equals(arg)) && i + 1 < args.size()) {
                    filters.add("name " + args.get(i + 1));
                } else if ("--dry-run".equals(arg) || "-d".equals(arg)) {
                    dryRun = true;
                }
            }
        }
        return new RunSelection(dryRun, filters.stream().distinct().toList()); // a filter given both ways counts once
    }

    boolean partial() {
        return !filters.isEmpty();
    }

    String describe() {
        return String.join("; ", filters);
    }

    private static Optional<String> option(String key) {
        String value = System.getProperty(key);
        if (blank(value)) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (blank(value)) {
            value = resource("junit-platform.properties", key);
        }
        if (blank(value)) {
            value = resource("cucumber.properties", key);
        }
        return blank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    private static String resource(String name, String key) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

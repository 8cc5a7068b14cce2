package dev.proofgate.gate.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.config.GateSettings;
import dev.proofgate.gate.console.ReadinessPlugins;
import dev.proofgate.gate.support.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of the readiness suite in its own JVM and its own scratch project folder (own embedded
 * database, ports, results and verdict), optionally with a defect overlay in front of the classpath.
 * What each scenario did is read back from that run's Allure results.
 */
final class SuiteRun {

    /** One scenario of a finished run: its Allure status (passed, failed, broken, skipped) and message. */
    record ScenarioResult(String name, String status, String message) {
        boolean red() {
            return ("failed".equals(status) || "broken".equals(status)) && !notJudged();
        }

        /** A timing row the run could not judge because the machine was disturbed: an environment problem, not red. */
        boolean notJudged() {
            return !"failed".equals(status) && message != null && message.contains("not judged, machine disturbed");
        }
    }

    record Outcome(
            String verdict, List<ScenarioResult> scenarios, Duration took, int exitCode, Path log, String machine) {
        List<ScenarioResult> red() {
            return scenarios.stream().filter(ScenarioResult::red).toList();
        }
    }

    private SuiteRun() {}

    static Outcome run(
            Path scratch,
            Path features,
            Optional<Path> overlay,
            String tags,
            List<String> names,
            String classpath,
            String glue,
            List<String> settings,
            Duration atMost) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(scratch);
            Path link = scratch.resolve("features");
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, features.toAbsolutePath());
            }
            Path results = scratch.resolve("allure-results");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx768m",
                    "-cp",
                    overlay.map(dir -> dir + File.pathSeparator + classpath).orElse(classpath),
                    "-Dproofgate.project.dir=" + scratch,
                    "-Dallure.results.directory=" + results));
            if (!tags.isBlank()) {
                command.add("-Dcucumber.filter.tags=" + tags);
            }
            settings.forEach(setting -> command.add("-D" + setting));
            command.addAll(
                    List.of("io.cucumber.core.cli.Main", "--glue", glue, "--plugin", ReadinessPlugins.class.getName()));
            if (!tags.isBlank()) {
                command.addAll(
                        List.of("--tags", tags)); // the command line ignores cucumber.filter.tags as a system property
            }
            names.forEach(name -> command.addAll(List.of("--name", name)));
            command.add(link.toString());
            Path log = scratch.resolve("run.log");
            Process process = new ProcessBuilder(command)
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            int exit = process.isAlive() ? -1 : process.exitValue();
            return new Outcome(
                    verdict(scratch),
                    scenarios(results),
                    Duration.ofNanos(System.nanoTime() - started),
                    exit,
                    log,
                    machine(scratch));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the suite in " + scratch, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String verdict(Path scratch) throws IOException {
        Path verdict = GateSettings.verdictDirectoryIn(scratch).resolve("verdict.json");
        return Files.exists(verdict)
                ? Json.MAPPER.readTree(verdict.toFile()).path("verdict").asText("none")
                : "none";
    }

    /** The run's machine panel, as its verdict gives it. */
    private static String machine(Path scratch) throws IOException {
        Path verdict = GateSettings.verdictDirectoryIn(scratch).resolve("verdict.json");
        return Files.exists(verdict)
                ? Json.MAPPER
                        .readTree(verdict.toFile())
                        .path("machine")
                        .path("summary")
                        .asText("")
                : "";
    }

    private static List<ScenarioResult> scenarios(Path results) throws IOException {
        List<ScenarioResult> scenarios = new ArrayList<>();
        if (!Files.isDirectory(results)) {
            return scenarios;
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith("-result.json"))
                    .toList()) {
                JsonNode result = Json.MAPPER.readTree(file.toFile());
                if (result.path("fullName").asText().startsWith("proofgate.")) {
                    continue; // the verdict's own result, not a scenario
                }
                scenarios.add(new ScenarioResult(
                        result.path("name").asText(),
                        result.path("status").asText(),
                        result.path("statusDetails").path("message").asText("")));
            }
        }
        return scenarios;
    }
}

package dev.proofgate.acceptance.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs fixture features through the JUnit Platform with the suite's own settings files and plugins,
 * in a separate JVM as a person would, and checks what that person sees: the console, the verdict
 * file, the Allure results and the rendered report.
 */
class ConsoleRunTest {

    private static final String VERDICT_END = "=====================================================";

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void failuresOnlyViewCucumbersOwnOptionsLinksGlossaryAndHistory() throws Exception {
        Run run = run(
                first,
                "basic",
                "-Dproofgate.console=failures",
                "-Dcucumber.plugin=pretty",
                "-Dcucumber.ansi-colors.disabled=true",
                "-Dcucumber.filter.name=A (question|label).*",
                "-Dallure.link.issue.pattern=https://tracker.example.com/browse/{}",
                "-Dallure.link.tms.pattern=https://tms.example.com/case/{}");

        assertThat(run.console())
                .as("Cucumber's pretty plugin, asked for with -Dcucumber.plugin=pretty")
                .contains("Scenario: A question that is answered", "Given a step that passes");
        assertThat(run.console())
                .as("failures-only view")
                .doesNotContain("[proofgate] PASSED")
                .contains("[proofgate] FAILED    workflows   minor     A label that is misspelt")
                .contains("at features/workflows/answers.feature:9: the label is misspelt");
        assertThat(run.lastLine())
                .as("the verdict block is the last thing printed; console:%n%s", run.console())
                .isEqualTo(VERDICT_END);
        assertThat(run.console().substring(run.console().lastIndexOf("VERDICT:")))
                .startsWith("VERDICT: GO");
        assertThat(run.verdict().path("scenarios").asInt())
                .as("scenarios selected by -Dcucumber.filter.name")
                .isEqualTo(2);
        assertThat(run.verdict().path("scenario_outcomes").toString()).doesNotContain("A blocker nobody selected");

        JsonNode misspelt = run.result("A label that is misspelt");
        assertThat(misspelt.path("links").toString())
                .as("links built from the patterns given on the command line")
                .contains("https://tracker.example.com/browse/42", "https://tms.example.com/case/T-7");
        assertThat(run.result("A question that is answered").path("historyId").asText())
                .as("history key: feature path under features/ and scenario name")
                .isEqualTo(md5("workflows/answers.feature#A question that is answered"));

        Path report = generateReport(first);
        assertThat(Files.readString(report.resolve("widgets/environment.json")))
                .contains("Step.glossary", "features/STEPS.md");

        // the same scenario in another checkout, three lines further down, selected by tag
        Path moved = copy("basic", second);
        Path feature = moved.resolve("features/workflows/answers.feature");
        Files.writeString(
                feature,
                Files.readString(feature)
                        .replace(
                                "Feature: Console fixture",
                                "Feature: Console fixture\n  Three lines of description\n  added by a product owner\n  above every scenario"));
        Run edited = launch(second, "-Dcucumber.filter.tags=@severity=minor");
        assertThat(edited.verdict().path("scenarios").asInt())
                .as("scenarios selected by -Dcucumber.filter.tags")
                .isEqualTo(1);
        assertThat(edited.verdict().path("scenario_outcomes").toString()).contains("answers.feature:12");
        assertThat(edited.result("A label that is misspelt").path("historyId").asText())
                .as("history key after the file moved and changed")
                .isEqualTo(misspelt.path("historyId").asText());
    }

    @Test
    void parallelRunOverlapsOrdinaryScenariosAndSerialisesDestructiveAndLoadOnes() throws Exception {
        Run run = run(
                first,
                "parallel",
                "-Dcucumber.execution.parallel.enabled=true",
                "-Dproofgate.fixture.capabilities=kill-worker,restart-platform");

        assertThat(run.console())
                .as("ordinary scenarios ran side by side")
                .containsPattern("scenarios using the platform at once: [2-9]");
        assertThat(run.verdict().path("verdict").asText())
                .as("verdict of the parallel run; console:%n%s", run.console())
                .isEqualTo("GO");
        assertThat(run.verdict().path("scenarios").asInt()).isEqualTo(7);
        for (String name : List.of(
                "First user of the platform",
                "Fourth user of the platform",
                "A worker is killed",
                "A load is measured")) {
            JsonNode result = run.result(name);
            assertThat(result.path("status").asText()).as("status of %s", name).isEqualTo("passed");
            assertThat(result.path("steps")).as("steps recorded on %s", name).hasSize(1);
        }
        assertThat(run.result("A worker is killed")
                        .path("steps")
                        .get(0)
                        .path("name")
                        .asText())
                .contains("taken exclusively");
        assertThat(run.result("First user of the platform")
                        .path("steps")
                        .get(0)
                        .path("name")
                        .asText())
                .contains("is used for 600 ms");
        assertThat(run.lastLine()).isEqualTo(VERDICT_END);
    }

    private record Run(String console, JsonNode verdict, Path project) {
        String lastLine() {
            List<String> lines = console.lines().filter(line -> !line.isBlank()).toList();
            return lines.get(lines.size() - 1);
        }

        JsonNode result(String name) throws IOException {
            try (Stream<Path> files = Files.list(project.resolve("allure-results"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                    JsonNode result = Json.MAPPER.readTree(file.toFile());
                    if (name.equals(result.path("name").asText())) {
                        return result;
                    }
                }
            }
            throw new AssertionError("no Allure result named '" + name + "'");
        }
    }

    private static Run run(Path project, String fixture, String... properties)
            throws IOException, InterruptedException {
        copy(fixture, project);
        return launch(project, properties);
    }

    private static Path copy(String fixture, Path project) throws IOException {
        Path features = project.resolve("features");
        Path from = Path.of("src/test/resources/console-fixtures", fixture);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = features.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.copy(Path.of("../features/STEPS.md"), features.resolve("STEPS.md"));
        return project;
    }

    private static Run launch(Path project, String... properties) throws IOException, InterruptedException {
        // short runs: the JIT's top tier would cost more than it saves
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dproofgate.project.dir=" + project,
                "-Dallure.results.directory=" + project.resolve("allure-results")));
        command.addAll(List.of(properties));
        command.add("dev.proofgate.consolefixture.FixtureLauncher");
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("fixture run finished")
                .isTrue();
        Path verdict = project.resolve("acceptance/target/readiness/verdict.json");
        assertThat(verdict).as("verdict.json written; console:%n%s", console).exists();
        return new Run(console, Json.MAPPER.readTree(verdict.toFile()), project);
    }

    private static Path generateReport(Path project) throws IOException, InterruptedException {
        Path report = project.resolve("readiness-report");
        ProcessBuilder builder = new ProcessBuilder(
                        System.getProperty("allure.commandline"),
                        "generate",
                        "--clean",
                        "--output",
                        report.toString(),
                        project.resolve("allure-results").toString())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        Process generate = builder.start();
        String output = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as("allure generate: %s", output).isZero();
        return report;
    }

    private static JsonNode testCase(Path report, String name) throws IOException {
        try (Stream<Path> files = Files.list(report.resolve("data/test-cases"))) {
            for (Path file : files.toList()) {
                JsonNode testCase = Json.MAPPER.readTree(file.toFile());
                if (name.equals(testCase.path("name").asText())) {
                    return testCase;
                }
            }
        }
        throw new AssertionError("no test case named '" + name + "' in the report");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

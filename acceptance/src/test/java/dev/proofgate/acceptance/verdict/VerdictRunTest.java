package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofgate.acceptance.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Cucumber on fixture features with known outcomes, in a separate JVM as a user would, renders
 * the Allure report with the real command line, and checks what the report and the verdict files say.
 */
class VerdictRunTest {

    private static final ObjectMapper JSON = Json.MAPPER;

    @TempDir
    Path project;

    @Test
    void failingCriticalScenarioIsNoGoEverywhere() throws Exception {
        Run run = run("mixed");
        assertThat(run.console()).contains("VERDICT: NO-GO", "critical scenario failed: \"A critical scenario that fails\"");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("NO-GO");
        assertThat(run.verdict().path("accepted_risks").toString()).contains("A minor scenario that fails");
        assertThat(Files.readString(project.resolve("acceptance/target/readiness/verdict.md"))).startsWith("# Readiness verdict: NO-GO");

        Report report = report();
        JsonNode verdict = report.testCase("Readiness verdict");
        assertThat(verdict.path("status").asText()).isEqualTo("failed");
        assertThat(verdict.path("descriptionHtml").asText()).contains("<td>workflows</td><td>1</td><td>2</td>", "A critical scenario that fails");
        assertThat(report.summary()).containsEntry("passed", 2).containsEntry("failed", 3).containsEntry("total", 5);

        JsonNode failing = report.testCase("A critical scenario that fails");
        assertThat(labels(failing)).containsEntry("epic", "workflows").containsEntry("feature", "Mixed fixture")
                .containsEntry("story", "Some things break").containsEntry("severity", "critical");
        assertThat(labels(report.testCase("A contract outside any rule"))).containsEntry("epic", "contracts")
                .containsEntry("story", "A contract outside any rule");
        assertThat(report.testCase("A blocker that passes").path("links").toString()).contains("\"name\":\"42\"", "\"type\":\"issue\"");

        assertThat(report.environment()).containsEntry("Readiness.verdict", "NO-GO").containsKeys("java", "os", "commit", "mode");
        assertThat(report.categories()).contains("Product defects");
        assertThat(report.json("widgets/executors.json").toString()).contains("Proofgate readiness: NO-GO");
    }

    @Test
    void undefinedSkippedOrUnratedScenariosAreInconclusive() throws Exception {
        Run run = run("undecided");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(run.verdict().path("reasons").toString()).contains("step undefined in \\\"A scenario with an undefined step\\\"",
                "not run: \\\"A scenario the environment cannot run\\\"", "suite defect: scenario \\\"A scenario without severity\\\"");
        assertThat(run.console()).contains("NOT RUN", "VERDICT: INCONCLUSIVE");
        Report report = report();
        assertThat(report.testCase("Readiness verdict").path("status").asText()).isEqualTo("broken");
        assertThat(report.categories()).contains("Environment problems");
    }

    @Test
    void cleanRunIsGoAndTheNextReportCarriesTheHistory() throws Exception {
        Run first = run("clean");
        assertThat(first.verdict().path("verdict").asText()).isEqualTo("GO");
        assertThat(report().testCase("Readiness verdict").path("status").asText()).isEqualTo("passed");

        Run second = run("clean");
        assertThat(second.verdict().path("verdict").asText()).isEqualTo("GO");
        JsonNode trend = report().json("widgets/history-trend.json");
        assertThat(trend.size()).as("runs in the history trend").isEqualTo(2);
    }

    private record Run(String console, JsonNode verdict) {
    }

    private Run run(String fixture) throws IOException, InterruptedException {
        Path features = project.resolve("features");
        copy(Path.of("src/test/resources/verdict-fixtures", fixture), features);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process cucumber = new ProcessBuilder(java, "-cp", classpath,
                "-Dproofgate.project.dir=" + project, "-Dallure.results.directory=" + project.resolve("allure-results"),
                "io.cucumber.core.cli.Main", "--glue", "dev.proofgate.verdictfixture",
                "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                "--plugin", "dev.proofgate.acceptance.verdict.ReadinessVerdictPlugin", features.toString())
                .redirectErrorStream(true).start();
        String console = new String(cucumber.getInputStream().readAllBytes());
        assertThat(cucumber.waitFor(120, TimeUnit.SECONDS)).as("cucumber finished").isTrue();
        Path verdict = project.resolve("acceptance/target/readiness/verdict.json");
        assertThat(verdict).as("verdict.json written; console:\n%s", console).exists();
        generateReport();
        return new Run(console, JSON.readTree(verdict.toFile()));
    }

    private void generateReport() throws IOException, InterruptedException {
        String allure = System.getProperty("allure.commandline");
        assertThat(allure).as("allure.commandline set by the build").isNotBlank();
        Process generate = new ProcessBuilder(allure, "generate", "--clean", "--output", project.resolve("readiness-report").toString(),
                project.resolve("allure-results").toString()).redirectErrorStream(true).start();
        String output = new String(generate.getInputStream().readAllBytes());
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as("allure generate: %s", output).isZero();
    }

    private Report report() {
        return new Report(project.resolve("readiness-report"));
    }

    private record Report(Path root) {
        JsonNode json(String path) {
            try {
                return JSON.readTree(root.resolve(path).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode testCase(String name) {
            try (Stream<Path> files = Files.list(root.resolve("data/test-cases"))) {
                for (Path file : files.toList()) {
                    JsonNode testCase = JSON.readTree(file.toFile());
                    if (name.equals(testCase.path("name").asText())) {
                        return testCase;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("no test case named '" + name + "' in the report");
        }

        Map<String, Integer> summary() {
            JsonNode statistic = json("widgets/summary.json").path("statistic");
            return Stream.of("passed", "failed", "broken", "skipped", "total")
                    .collect(Collectors.toMap(key -> key, key -> statistic.path(key).asInt()));
        }

        Map<String, String> environment() {
            Map<String, String> values = new java.util.HashMap<>();
            json("widgets/environment.json").forEach(item -> values.put(item.path("name").asText(), item.path("values").path(0).asText()));
            return values;
        }

        List<String> categories() {
            List<String> names = new ArrayList<>();
            json("data/categories.json").path("children").forEach(category -> names.add(category.path("name").asText()));
            return names;
        }
    }

    private static Map<String, String> labels(JsonNode testCase) {
        Map<String, String> labels = new java.util.HashMap<>();
        testCase.path("labels").forEach(label -> labels.putIfAbsent(label.path("name").asText(), label.path("value").asText()));
        return labels;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

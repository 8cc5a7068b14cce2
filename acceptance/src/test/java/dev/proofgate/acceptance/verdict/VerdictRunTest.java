package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.proofgate.acceptance.drivers.rest.Routes;
import dev.proofgate.gate.support.Json;
import dev.proofgate.gate.verdict.ReportFrontPage;
import dev.proofgate.gate.verdict.VerdictGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Cucumber on fixture features with known outcomes, in a separate JVM as a user would, renders
 * the Allure report with the real command line and the verdict panel, and checks what the console,
 * the verdict files and the report say. Every way the gate once said GO without evidence has a run
 * here that proves it no longer does.
 */
@ExtendWith(QuietConsole.class)
class VerdictRunTest {

    private static final ObjectMapper JSON = Json.MAPPER;
    /** The child JVMs live a few seconds: the quick compiler alone saves a good share of their start-up on a busy machine. */
    private static final String QUICK_JVM = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path project;

    @Test
    void failingCriticalScenarioIsNoGoEverywhere() throws Exception {
        Run run = run("mixed");
        assertThat(run.console())
                .contains("VERDICT: NO-GO", "critical scenario failed: \"A critical scenario that fails\"");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("NO-GO");
        assertThat(run.verdict().path("run_id").asText()).isEqualTo(run.id());
        assertThat(run.reasons())
                .as("the whole assertion message is quoted")
                .anyMatch(reason -> reason.contains("[limit named by the rejection] expected: 6.0 but was: 5.0"));
        assertThat(texts(run.verdict().path("accepted_risks")))
                .anyMatch(risk -> risk.contains("A minor scenario that fails"))
                .anyMatch(
                        risk -> risk.startsWith(
                                "waived (PG-7, until 2999-12-31): critical scenario failed: \"A critical failure accepted by a waiver\""));
        assertThat(run.reasons())
                .as("an expired waiver counts as none")
                .anyMatch(reason -> reason.contains("A critical failure whose waiver expired")
                        && reason.contains("waiver PG-8 expired on 2020-01-31"));
        assertThat(run.verdict().path("waivers_to_remove").toString())
                .contains("PG-9", "A waived scenario that passes again");
        assertThat(Files.readString(project.resolve("acceptance/target/readiness/verdict.md")))
                .startsWith("# Readiness verdict: NO-GO");

        Report report = report(run);
        assertThat(report.summary())
                .as("no synthetic verdict result inflates the counts")
                .containsEntry("passed", 3)
                .containsEntry("failed", 5)
                .containsEntry("total", 8);
        JsonNode failing = report.testCase("A critical scenario that fails");
        assertThat(labels(failing))
                .containsEntry("epic", "workflows")
                .containsEntry("feature", "Mixed fixture")
                .containsEntry("story", "Some things break")
                .containsEntry("severity", "critical");
        assertThat(labels(report.testCase("A contract outside any rule")))
                .containsEntry("epic", "contracts")
                .containsEntry("story", "A contract outside any rule");
        assertThat(report.testCase("A blocker that passes").path("links").toString())
                .contains("\"name\":\"42\"", "\"type\":\"issue\"");
        assertThat(report.environment())
                .containsEntry("Readiness.verdict", "NO-GO")
                .containsKeys("java", "os", "commit", "mode", "run.id");
        assertThat(report.categories())
                .contains("Product defects")
                .doesNotContain("Suite defects", "Environment problems");
        assertThat(report.json("widgets/executors.json").toString()).contains("Proofgate readiness: NO-GO");
        assertThat(report.firstScreen())
                .contains("pg-nogo", ">NO-GO<", "full run", "workflows", "A critical scenario that fails");
    }

    /**
     * A timing row breached twice on a disturbed machine, and a step that lost the platform, are
     * environment problems: INCONCLUSIVE, never NO-GO; the same breach on a fit machine is a product defect.
     */
    @Test
    void aDisturbedMachineOrALostPlatformIsAnEnvironmentProblemNotAProductDefect() throws Exception {
        Run disturbed = run("environment");
        assertThat(disturbed.verdict().path("verdict").asText())
                .as(disturbed.console())
                .isEqualTo("INCONCLUSIVE");
        assertThat(disturbed.reasons())
                .noneMatch(reason -> reason.startsWith("product defect"))
                .anyMatch(reason ->
                        reason.startsWith("environment problem: \"A restart measured twice on a disturbed machine\"")
                                && reason.contains(
                                        "INCONCLUSIVE: ready after the restart not judged, machine disturbed: foreign CPU 60 % of 2 cores")
                                && reason.contains("4164 ms, budget 3000 ms, then 5463 ms, budget 3000 ms"))
                .anyMatch(
                        reason -> reason.startsWith("environment problem: \"A checklist line that loses the platform\"")
                                && reason.contains("lost the connection to the platform at http://localhost:"));
        assertThat(disturbed.verdict().path("machine").path("not_judged").toString())
                .contains("ready after the restart");
        assertThat(disturbed.console()).contains("machine: ", "1 not judged");
        assertThat(report(disturbed).categories())
                .contains("Environment problems")
                .doesNotContain("Product defects", "Budget breaches");

        Run fit = run("fitbreach");
        assertThat(fit.verdict().path("verdict").asText()).isEqualTo("NO-GO");
        assertThat(fit.reasons())
                .anyMatch(reason -> reason.startsWith(
                        "product defect: blocker scenario failed: \"A restart measured on a fit machine\""));
    }

    @Test
    void undefinedSkippedOrUnratedScenariosAreInconclusive() throws Exception {
        Run run = run("undecided");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(run.reasons())
                .anyMatch(reason -> reason.contains(
                                "undefined step \"Given a step that pases\" at features/workflows/undecided.feature:5")
                        && reason.contains("did you mean \"a step that passes\""))
                .anyMatch(reason -> reason.contains("\"Given the moon is made of cheese and nobody wrote this step\"")
                        && reason.contains("no existing step is close"))
                .anyMatch(reason -> reason.startsWith("not run: \"A scenario the environment cannot run\""))
                .anyMatch(reason -> reason.startsWith("suite defect: scenario \"A scenario without severity\""));
        assertThat(run.console()).contains("NOT RUN", "VERDICT: INCONCLUSIVE");
        assertThat(run.console().indexOf("Engineer's follow-up"))
                .as("the snippet comes after the product owner's view")
                .isGreaterThan(run.console().indexOf("did you mean"))
                .isLessThan(run.console().indexOf("VERDICT:"));
        JsonNode unrated = result("A scenario without severity");
        assertThat(unrated.path("name").asText()).isEqualTo("[severity missing] A scenario without severity");
        assertThat(labels(unrated)).doesNotContainKey("severity").containsEntry("tag", "severity missing");
        assertThat(result("A scenario with an undefined step")
                        .path("statusDetails")
                        .path("message")
                        .asText())
                .as("the report files it where the verdict does")
                .startsWith("suite defect: undefined step");
        assertThat(ReportFrontPage.panel(run.verdict()))
                .contains("pg-inconclusive", ">INCONCLUSIVE<", ".chart__caption{display:none}");
    }

    @Test
    void misspeltCapabilityDuplicateNameAndMalformedWaiverAreSuiteDefectsNotNoGo() throws Exception {
        Run run = run("suitedefects");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(run.reasons())
                .anyMatch(
                        reason -> reason.startsWith("suite defect: \"A critical scenario with a misspelt capability\"")
                                && reason.contains("unknown capability '@requires=databse-access'"))
                .anyMatch(reason -> reason.contains("scenario name \"A name used twice\" is used 2 times"))
                .anyMatch(reason -> reason.contains("malformed waiver tag '@waiver=PG-1'"));
        JsonNode misspelt = result("A critical scenario with a misspelt capability");
        assertThat(misspelt.path("statusDetails").path("message").asText())
                .as("console and report agree on the category")
                .startsWith("suite defect: unknown capability");
        assertThat(Files.readString(project.resolve("allure-results/categories.json")))
                .contains("\"Suite defects\"", "(?s)suite defect:.*");
    }

    @Test
    void passingScenarioWithoutEvidenceIsNotRunAndAnEmptyAreaIsNamed() throws Exception {
        Run run = run("evidence");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(run.reasons())
                .anyMatch(reason -> reason.startsWith("not run: \"A resilience scenario that attaches nothing\"")
                        && reason.contains("no evidence attached"))
                .noneMatch(reason -> reason.contains("A resilience scenario that measures its recovery"))
                .anyMatch(reason -> reason.equals("area 'completion' was to be covered but executed no scenario"));
        assertThat(run.verdict()
                        .path("areas")
                        .path("resilience")
                        .path("not_run")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void cleanRunIsGoAndPartialDryOrStaleRunsAreNot() throws Exception {
        Run first = run("clean");
        assertThat(first.verdict().path("verdict").asText()).isEqualTo("GO");
        assertThat(report(first).firstScreen())
                .contains("pg-go", ">GO<", "full run")
                .doesNotContain("chart__caption{display:none}");

        // a name filter, whose "$" must be drawn into the page as text
        Run partial = run("clean", "-Dcucumber.filter.name=^A blocker that passes$");
        assertThat(partial.verdict().path("verdict").asText()).isEqualTo("GO (partial: name ^A blocker that passes$)");
        assertThat(partial.verdict().path("title").asText())
                .isEqualTo("Proofgate readiness (partial: name ^A blocker that passes$): GO");
        assertThat(report(partial).firstScreen())
                .contains("partial run", "name ^A blocker that passes$", "not a full readiness verdict");
        assertThatThrownBy(
                        () -> VerdictGate.main(new String[] {verdictFile().toString(), "inconclusive", partial.id()}))
                .hasMessageContaining("a partial run (name ^A blocker that passes$) cannot open the release gate");

        Run second = run("clean");
        assertThat(second.verdict().path("verdict").asText()).isEqualTo("GO");
        assertThat(report(second).json("widgets/history-trend.json").size())
                .as("full runs in the history trend; the partial one stays out")
                .isEqualTo(2);

        // a verdict of another run (here: the tests were skipped in a later build) closes the gate and draws no report
        assertThatCode(() -> VerdictGate.main(new String[] {verdictFile().toString(), "check", second.id()}))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        VerdictGate.main(new String[] {verdictFile().toString(), "inconclusive", "a-later-build"}))
                .hasMessageContaining("no readiness run in this build")
                .hasMessageContaining(second.id());
        assertThatThrownBy(() -> ReportFrontPage.main(new String[] {
                    project.resolve("readiness-report").toString(),
                    verdictFile().toString(),
                    "a-later-build"
                }))
                .hasMessageContaining("no readiness run in this build");

        Run dry = run("clean", "-Dcucumber.execution.dry-run=true");
        assertThat(dry.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(dry.reasons()).anyMatch(reason -> reason.contains("dry run, the steps were not executed"));
        Files.delete(verdictFile());
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdictFile().toString(), "check", "a-later-build"}))
                .hasMessageContaining("no readiness run in this build");
    }

    @Test
    void unknownSettingValuesStopTheRunInOneLine() throws Exception {
        String[][] settings = {
            {"proofgate.mode", "remtoe", "embedded, containers, compose, remote"},
            {"proofgate.gate", "strict", "off, no-go, inconclusive"},
            {"proofgate.load.profile", "fast", "ci, full"}
        };
        List<Process> checks = new ArrayList<>();
        for (String[] setting : settings) {
            checks.add(new ProcessBuilder(
                            java(),
                            QUICK_JVM,
                            "-cp",
                            classpath(),
                            "-D" + setting[0] + "=" + setting[1],
                            "dev.proofgate.acceptance.config.SettingsCheck")
                    .redirectErrorStream(true)
                    .start());
        }
        for (int i = 0; i < settings.length; i++) {
            String[] setting = settings[i];
            Process check = checks.get(i);
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue())
                    .as("exit of the settings check for %s", setting[0])
                    .isNotZero();
            assertThat(output)
                    .contains("unknown value '" + setting[1] + "' for setting " + setting[0] + "; allowed: "
                            + setting[2]);
        }
    }

    @Test
    void failedPreflightIsAnEnvironmentProblemNamingTheFix() throws Exception {
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext(
                "/health", exchange -> answer(exchange, 200, "{\"status\":\"up\",\"version\":\"0.1.0\"}"));
        platform.createContext(
                Routes.ADAPTERS,
                exchange ->
                        answer(exchange, 401, "{\"error\":{\"type\":\"unauthorized\",\"message\":\"unknown key\"}}"));
        platform.start();
        try {
            Run wrongKey = runSuite(
                    "clean", "http://127.0.0.1:" + platform.getAddress().getPort());
            assertThat(wrongKey.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
            assertThat(wrongKey.reasons().get(0))
                    .startsWith("environment problem: preflight failed:")
                    .contains("refused the suite's API key", "to fix: set proofgate.api.key");
        } finally {
            platform.stop(0);
        }
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run wrongUrl = runSuite("clean", "http://127.0.0.1:" + closedPort);
        assertThat(wrongUrl.verdict().path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(wrongUrl.reasons().get(0))
                .contains("is not reachable within 10 s", "to fix: check proofgate.base.url");
        assertThat(wrongUrl.console()).contains("[proofgate] preflight: waiting for http://127.0.0.1:" + closedPort);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private record Run(String id, String console, JsonNode verdict) {
        List<String> reasons() {
            return texts(verdict.path("reasons"));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A scenario's Allure result as written by the run (before rendering). */
    private JsonNode result(String scenario) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("allure-results"))) {
            for (Path file : files.filter(path -> path.toString().endsWith("-result.json"))
                    .toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                if (result.path("name").asText().endsWith(scenario)) {
                    return result;
                }
            }
        }
        throw new AssertionError("no result for '" + scenario + "' in allure-results");
    }

    private Path verdictFile() {
        return project.resolve("acceptance/target/readiness/verdict.json");
    }

    private Run run(String fixture, String... properties) throws IOException, InterruptedException {
        return cucumber(fixture, "dev.proofgate.verdictfixture", properties);
    }

    /** The real suite's glue in remote mode against {@code baseUrl}: what a user's remote run does before any scenario. */
    private Run runSuite(String fixture, String baseUrl) throws IOException, InterruptedException {
        return cucumber(
                fixture,
                "dev.proofgate.acceptance",
                "-Dproofgate.mode=remote",
                "-Dproofgate.base.url=" + baseUrl,
                "-Dproofgate.api.key=a-wrong-key-for-the-test");
    }

    private Run cucumber(String fixture, String glue, String... properties) throws IOException, InterruptedException {
        Path features = project.resolve("features");
        copy(Path.of("src/test/resources/verdict-fixtures", fixture), features);
        String runId = "test-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(
                java(),
                QUICK_JVM,
                "-cp",
                classpath(),
                "-Dproofgate.project.dir=" + project,
                "-Dallure.results.directory=" + project.resolve("allure-results"),
                "-Dproofgate.run.id=" + runId));
        command.addAll(List.of(properties));
        command.addAll(List.of(
                "io.cucumber.core.cli.Main",
                "--glue",
                glue,
                "--plugin",
                "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                "--plugin",
                "dev.proofgate.gate.verdict.ReadinessVerdictPlugin",
                features.toString()));
        // The child's output (with the stack traces of the failures it is meant to have) is captured, never printed
        // into the build.
        Process cucumber = new ProcessBuilder(command).redirectErrorStream(true).start();
        String console = new String(cucumber.getInputStream().readAllBytes());
        assertThat(cucumber.waitFor(120, TimeUnit.SECONDS))
                .as("cucumber finished")
                .isTrue();
        assertThat(verdictFile())
                .as("verdict.json written; console:\n%s", console)
                .exists();
        return new Run(runId, console, JSON.readTree(verdictFile().toFile()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private Report report(Run run) throws IOException, InterruptedException {
        generateReport();
        ReportFrontPage.main(new String[] {
            project.resolve("readiness-report").toString(), verdictFile().toString(), run.id()
        });
        return report();
    }

    private void generateReport() throws IOException, InterruptedException {
        String allure = System.getProperty("allure.commandline");
        assertThat(allure).as("allure.commandline set by the build").isNotBlank();
        ProcessBuilder builder = new ProcessBuilder(
                        allure,
                        "generate",
                        "--clean",
                        "--output",
                        project.resolve("readiness-report").toString(),
                        project.resolve("allure-results").toString())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", QUICK_JVM);
        Process generate = builder.start();
        String output = new String(generate.getInputStream().readAllBytes());
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as("allure generate: %s", output).isZero();
    }

    private Report report() {
        return new Report(project.resolve("readiness-report"));
    }

    private record Report(Path root) {
        String firstScreen() {
            try {
                return Files.readString(root.resolve("index.html"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

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
                    .collect(Collectors.toMap(
                            key -> key, key -> statistic.path(key).asInt()));
        }

        Map<String, String> environment() {
            Map<String, String> values = new java.util.HashMap<>();
            json("widgets/environment.json")
                    .forEach(item -> values.put(
                            item.path("name").asText(),
                            item.path("values").path(0).asText()));
            return values;
        }

        List<String> categories() {
            List<String> names = new ArrayList<>();
            json("data/categories.json")
                    .path("children")
                    .forEach(category -> names.add(category.path("name").asText()));
            return names;
        }
    }

    private static Map<String, String> labels(JsonNode testCase) {
        Map<String, String> labels = new java.util.HashMap<>();
        testCase.path("labels")
                .forEach(label -> labels.putIfAbsent(
                        label.path("name").asText(), label.path("value").asText()));
        return labels;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
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

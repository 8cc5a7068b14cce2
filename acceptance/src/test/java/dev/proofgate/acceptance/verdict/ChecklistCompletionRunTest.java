package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a fixture checklist through Cucumber, Allure and the verdict plugin in a separate JVM: the
 * evidence count comes from the live Allure results, so a line that passed without attaching anything
 * must come out "not reported" and keep the verdict from GO.
 */
class ChecklistCompletionRunTest {

    @TempDir
    Path project;

    @Test
    void aChecklistLineWithoutEvidenceIsNotReportedAndTheRunIsNotGo() throws Exception {
        Path features = project.resolve("features");
        Path fixture = Path.of("src/test/resources/verdict-fixtures/checklist");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path target = features.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process cucumber = new ProcessBuilder(
                        java,
                        "-cp",
                        classpath,
                        "-Dproofgate.project.dir=" + project,
                        "-Dallure.results.directory=" + project.resolve("allure-results"),
                        "io.cucumber.core.cli.Main",
                        "--glue",
                        "dev.proofgate.verdictfixture",
                        "--plugin",
                        "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                        "--plugin",
                        "dev.proofgate.gate.verdict.ReadinessVerdictPlugin",
                        features.toString())
                .redirectErrorStream(true)
                .start();
        String console = new String(cucumber.getInputStream().readAllBytes());
        assertThat(cucumber.waitFor(120, TimeUnit.SECONDS))
                .as("cucumber finished")
                .isTrue();

        assertThat(console).contains("checklists: fixture 1/2 (1 not reported)", "VERDICT: INCONCLUSIVE");
        JsonNode verdict = Json.MAPPER.readTree(
                project.resolve("acceptance/target/readiness/verdict.json").toFile());
        assertThat(verdict.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.path("checklists")
                        .path("fixture")
                        .path("not_reported")
                        .asInt())
                .isEqualTo(1);
        assertThat(verdict.path("reasons").toString())
                .contains("A line that ran without evidence")
                .doesNotContain("A line proven with evidence");
    }
}

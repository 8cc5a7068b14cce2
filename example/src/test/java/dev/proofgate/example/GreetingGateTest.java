package dev.proofgate.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.console.ReadinessPlugins;
import dev.proofgate.gate.support.Json;
import dev.proofgate.gate.verdict.VerdictGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate applied to a service of another team: the example's feature runs with the gate's plugins
 * against the greeting service, in its own JVM as a user's run would, and the verdict is GO when the
 * service is right and NO-GO when it is broken, with the release gate closed.
 */
class GreetingGateTest {

    @TempDir
    Path project;

    @Test
    void theGoodServiceIsGo() throws Exception {
        Run run = run(false);
        assertThat(run.verdict().path("verdict").asText()).as(run.console()).isEqualTo("GO");
        assertThat(run.verdict().path("areas").path("greetings").path("passed").asInt())
                .isEqualTo(2);
        assertThat(run.verdict().path("environment").path("broken").asText()).isEqualTo("false");
        assertThat(run.console()).contains("VERDICT: GO");
        assertThatCode(() -> VerdictGate.main(new String[] {run.verdictFile().toString(), "no-go", run.id()}))
                .doesNotThrowAnyException();
    }

    @Test
    void theBrokenServiceIsNoGoAndClosesTheGate() throws Exception {
        Run run = run(true);
        assertThat(run.verdict().path("verdict").asText()).as(run.console()).isEqualTo("NO-GO");
        assertThat(run.verdict().path("reasons").toString())
                .contains("A person is greeted by name", "expected 200 \\\"Hello, Ada!\\\"");
        assertThatThrownBy(
                        () -> VerdictGate.main(new String[] {run.verdictFile().toString(), "no-go", run.id()}))
                .hasMessageContaining("release gate closed: the readiness verdict is NO-GO");
    }

    private Run run(boolean broken) throws IOException, InterruptedException {
        copy(Path.of("features"), project.resolve("features"));
        String id = "example-" + UUID.randomUUID();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                java,
                "-cp",
                classpath,
                "-Dproofgate.project.dir=" + project,
                "-Dproofgate.run.id=" + id,
                "-Dallure.results.directory=" + project.resolve("allure-results"),
                "-Dgreeting.broken=" + broken,
                "io.cucumber.core.cli.Main",
                "--glue",
                "dev.proofgate.example.steps",
                "--plugin",
                ReadinessPlugins.class.getName(),
                project.resolve("features").toString());
        Process cucumber = new ProcessBuilder(command).redirectErrorStream(true).start();
        String console = new String(cucumber.getInputStream().readAllBytes());
        assertThat(cucumber.waitFor(120, TimeUnit.SECONDS))
                .as("the run finished")
                .isTrue();
        Path verdictFile = project.resolve("target/readiness/verdict.json");
        assertThat(verdictFile)
                .as("verdict.json written; console:\n%s", console)
                .exists();
        return new Run(id, console, verdictFile, Json.MAPPER.readTree(verdictFile.toFile()));
    }

    private static void copy(Path from, Path to) throws IOException {
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

    private record Run(String id, String console, Path verdictFile, JsonNode verdict) {}
}

package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.config.TesterConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting stops start-up with one line and a non-zero exit, and never echoes a secret. */
class StartupTest {

    @Test
    void malformedSettingStopsStartupWithOneLine() throws Exception {
        Result result = run(Map.of("PROOFGATE_PORT", "eighty"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output().strip())
                .isEqualTo("proofgate: configuration error: PROOFGATE_PORT must be an integer, got 'eighty'");
    }

    @Test
    void badDatabaseUrlIsRefusedWithoutShowingThePassword() throws Exception {
        Result result = run(Map.of("PROOFGATE_DB_URL", "mysql://db", "PROOFGATE_DB_PASSWORD", "s3cret-password"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("PROOFGATE_DB_URL").doesNotContain("s3cret-password");
    }

    @Test
    void localModeTellsTestersHowToReachItWithoutSecrets(@TempDir Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.proofgate.platform.Main")
                .redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "PROOFGATE_PORT",
                        "0",
                        "PROOFGATE_DATA_DIR",
                        data.resolve("pgdata").toString(),
                        "PROOFGATE_BRIDGE_WORKERS",
                        "0"));
        builder.environment().remove("PROOFGATE_DB_URL");
        Process platform = builder.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("readiness suite against this platform")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("start-up output:%n%s", seen).isNotNull();
            seen.append(line).append('\n');
        } finally {
            platform.destroy();
            assertThat(platform.waitFor(30, TimeUnit.SECONDS))
                    .as("platform stopped on SIGTERM")
                    .isTrue();
        }
        assertThat(seen.toString())
                .containsPattern(
                        "for testers: platform at http://localhost:\\d+, API key 'local-dev-key' \\(the local default\\); "
                                + "database jdbc:postgresql://localhost:\\d+/postgres as user 'postgres', password 'postgres' \\(the local default")
                .containsPattern(
                        "mvn -Preadiness verify -Dproofgate.mode=remote -Dproofgate.base.url=http://localhost:\\d+ "
                                + "-Dproofgate.api.key=local-dev-key -Dproofgate.db.url=jdbc:postgresql://localhost:\\d+/postgres "
                                + "-Dproofgate.db.user=postgres -Dproofgate.db.password=postgres");
    }

    @Test
    void anExternalDatabaseAndOwnKeysAreNeverShown() {
        Settings settings = Settings.from(Map.of(
                "PROOFGATE_DB_URL",
                "jdbc:postgresql://db:5432/pg?password=s3cret-password",
                "PROOFGATE_DB_PASSWORD",
                "s3cret-password",
                "PROOFGATE_API_KEYS",
                "team-secret-key"));
        TesterConnection tester =
                new TesterConnection(settings, 8080, settings.databaseUrl().orElseThrow());
        assertThat(tester.describe() + tester.remoteCommand())
                .doesNotContain("s3cret-password")
                .doesNotContain("team-secret-key")
                .contains("jdbc:postgresql://db:5432/pg", "<your API key>", "<the database password>");
    }

    private record Result(int exit, String output) {}

    private static Result run(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", classpath, "dev.proofgate.platform.Main").redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}

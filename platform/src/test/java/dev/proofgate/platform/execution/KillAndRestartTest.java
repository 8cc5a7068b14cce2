package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The platform process is killed with SIGKILL in the middle of a stream of executions and started
 * again: every accepted execution completes, none twice.
 */
class KillAndRestartTest {

    private static final int EXECUTIONS = 40;

    @Test
    void noAcceptedExecutionIsLostOrCompletedTwice() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            int port = TestDatabase.freePort();
            Path log = Files.createTempFile("proofgate-kill-restart", ".log");
            Process first = startPlatform(database, port, log);
            Http http = new Http(port);
            Fixtures fixtures = new Fixtures(http);
            String program = fixtures.program("native", "{\"latency_ms\": 150}");
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                accepted.add(fixtures.submit(program, "question " + i));
            }
            Awaitility.await("some executions to complete before the kill")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> database.count("select count(*) from executions where status = 'completed'") >= 5);

            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long finishedAtKill = database.count("select count(*) from executions where status = 'completed'");
            assertThat(finishedAtKill).as("the kill landed mid-stream").isLessThan(EXECUTIONS);

            Process second = startPlatform(database, port, log);
            try {
                for (String id : accepted) {
                    assertThat(fixtures.awaitFinished(id, Duration.ofSeconds(90))
                                    .path("status")
                                    .asText())
                            .as(id)
                            .isEqualTo("completed");
                }
                assertThat(database.count("select count(*) from executions where program_id = '" + program + "'"))
                        .isEqualTo(EXECUTIONS);
                assertThat(database.count("select count(*) from executions where completions <> 1"))
                        .as("executions not completed exactly once")
                        .isZero();
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startPlatform(TestDatabase database, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "dev.proofgate.platform.Main")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PROOFGATE_PORT", Integer.toString(port));
        builder.environment().put("PROOFGATE_DB_URL", database.url());
        builder.environment().put("PROOFGATE_API_KEYS", Http.KEY);
        builder.environment().put("PROOFGATE_BRIDGE_WORKERS", "0");
        builder.environment().put("PROOFGATE_DISPATCHER_WORKERS", "2");
        builder.environment().put("PROOFGATE_LEASE_SECONDS", "2");
        Process process = builder.start();
        Http http = new Http(port);
        Awaitility.await("platform on port " + port + " to be ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(http.uri("/health/ready"))
                                        .GET())
                                .status()
                        == 200);
        return process;
    }
}

package dev.proofgate.platform.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Python workers killed with SIGKILL during a stream of executions: every execution still completes, exactly once. */
class WorkerSupervisionTest {

    @Test
    void workerKilledMidExecutionIsReplacedAndTheExecutionCompletesOnce() {
        try (TestDatabase database = new TestDatabase();
                RunningPlatform platform = new RunningPlatform(database, Map.of("PROOFGATE_BRIDGE_WORKERS", "2"))) {
            Http http = platform.http();
            Fixtures fixtures = new Fixtures(http);
            String program = fixtures.program("python_port", "{\"latency_ms\": 1000}");
            String execution = fixtures.submit(program, "survive this");
            List<String> stream = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                stream.add(fixtures.submit(program, "stream " + i));
            }
            Awaitility.await("execution to be running on a worker")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> "running"
                            .equals(http.get("/api/executions/" + execution)
                                    .body()
                                    .path("status")
                                    .asText()));
            JsonNode before = bridge(http);
            assertThat(before.path("workers_alive").asInt()).isEqualTo(2);

            // SIGKILL every worker, so the one running the execution certainly dies with it in flight
            for (JsonNode pid : before.path("worker_pids")) {
                ProcessHandle.of(pid.asLong()).ifPresent(ProcessHandle::destroyForcibly);
            }
            JsonNode finished = fixtures.awaitFinished(execution, Duration.ofSeconds(30));
            assertThat(finished.path("status").asText()).isEqualTo("completed");
            assertThat(finished.path("attempts").asInt())
                    .as("attempts: the first died with its worker")
                    .isEqualTo(2);
            assertThat(database.count("select completions from executions where id = '" + execution + "'"))
                    .isEqualTo(1);
            for (String id : stream) {
                assertThat(fixtures.awaitFinished(id, Duration.ofSeconds(60))
                                .path("status")
                                .asText())
                        .as(id)
                        .isEqualTo("completed");
            }
            assertThat(database.count("select count(*) from executions where completions <> 1"))
                    .as("lost or doubled executions")
                    .isZero();
            Awaitility.await("pool back at strength")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> bridge(http).path("workers_alive").asInt() == 2);
            assertThat(bridge(http).path("restarts").asInt()).isEqualTo(2);
            String metrics = http.send(
                            HttpRequest.newBuilder(http.uri("/metrics")).GET())
                    .body()
                    .path("raw")
                    .asText();
            assertThat(metrics).contains("proofgate_bridge_restarts_total 2.0");
        }
    }

    private static JsonNode bridge(Http http) {
        return http.send(HttpRequest.newBuilder(http.uri("/health")).GET())
                .body()
                .at("/components/python_bridge");
    }
}

package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away and comes back: new work gets 503, accepted work resumes, the platform reconnects by itself. */
class DatabaseOutageTest {

    @Test
    void queuedWorkSurvivesAnOutageAndNewWorkIsRefusedWith503() {
        try (TestDatabase database = new TestDatabase();
                RunningPlatform platform = new RunningPlatform(
                        database, Map.of("PROOFGATE_DISPATCHER_WORKERS", "1", "PROOFGATE_BRIDGE_WORKERS", "0"))) {
            Http http = platform.http();
            Fixtures fixtures = new Fixtures(http);
            String program = fixtures.program("native", "{\"latency_ms\": 300}");
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                accepted.add(fixtures.submit(program, "before the outage " + i));
            }

            database.stop();
            Http.Reply refused = http.post(
                    "/api/executions", "{\"program_id\": \"" + program + "\", \"inputs\": {\"question\": \"during\"}}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorType()).isEqualTo("service_unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(http.uri("/health"))
                                    .GET())
                            .status())
                    .isEqualTo(503);

            database.start();
            for (String id : accepted) {
                assertThat(fixtures.awaitFinished(id, Duration.ofSeconds(60))
                                .path("status")
                                .asText())
                        .as(id)
                        .isEqualTo("completed");
            }
            assertThat(database.count("select count(*) from executions where completions <> 1"))
                    .isZero();
            assertThat(fixtures.submit(program, "after the outage")).isNotBlank();
        }
    }
}

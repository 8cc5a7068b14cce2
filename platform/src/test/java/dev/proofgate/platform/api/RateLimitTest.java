package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aKeyOverItsRateGets429WithRetryAfter() {
        try (TestDatabase database = new TestDatabase();
                RunningPlatform platform = new RunningPlatform(
                        database, Map.of("PROOFGATE_RATE_LIMIT", "3", "PROOFGATE_BRIDGE_WORKERS", "0"))) {
            Http http = platform.http();
            List<Http.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(http.get("/api/adapters"));
            }
            Http.Reply limited = replies.stream()
                    .filter(r -> r.status() == 429)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no 429 among "
                            + replies.stream().map(Http.Reply::status).toList()));
            assertThat(limited.errorType()).isEqualTo("rate_limited");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
            assertThat(replies.get(0).status()).isEqualTo(200);
        }
    }
}

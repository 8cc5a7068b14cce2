package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filters before every /api route, in their order: authentication, then the key's rate, then the declared body. */
class RequestFiltersTest {

    private static final String ONE_PER_SECOND_KEY = "one-per-second-key";
    private static final String OVERSIZED_TEXT = "x".repeat(5_000);

    private static TestDatabase database;
    private static RunningPlatform platform;
    private static Http http;

    @BeforeAll
    static void start() {
        database = new TestDatabase();
        platform = new RunningPlatform(
                database,
                Map.of(
                        "PROOFGATE_BODY_LIMIT_BYTES",
                        "2048",
                        "PROOFGATE_RATE_LIMIT",
                        "500",
                        "PROOFGATE_API_KEYS",
                        Http.KEY + "," + ONE_PER_SECOND_KEY + ":1",
                        "PROOFGATE_BRIDGE_WORKERS",
                        "0"));
        http = platform.http();
    }

    @AfterAll
    static void stop() {
        platform.close();
        database.close();
    }

    @Test
    void aCallerWithoutAKeyIsRefusedBeforeItsRateOrItsBodyIsLookedAt() {
        Http.Reply reply = http.send(oversizedText().header("X-API-Key", "not-a-key-at-all"));
        assertThat(reply.status())
                .as("an oversized body of the wrong media type, without a valid key")
                .isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.header("RateLimit-Limit"))
                .as("no rate is announced to a caller without a key")
                .isNull();
    }

    @Test
    void aKeyOverItsRateIsRefusedBeforeItsBodyIsLookedAt() {
        List<Http.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(http.send(oversizedText().header("Authorization", "Bearer " + ONE_PER_SECOND_KEY)));
        }
        assertThat(replies)
                .as("statuses of oversized bodies sent faster than the key's one per second: "
                        + replies.stream().map(Http.Reply::status).toList())
                .allSatisfy(reply -> assertThat(reply.status()).isIn(413, 429))
                .anySatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(429);
                    assertThat(reply.errorType()).isEqualTo("rate_limited");
                    assertThat(reply.header("Retry-After")).isNotNull();
                });
        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply.header("RateLimit-Limit")).isEqualTo("1"));
    }

    @Test
    void anAdmittedAnswerAnnouncesItsKeysRate() {
        assertThat(http.get("/api/adapters").header("RateLimit-Limit")).isEqualTo("500");
    }

    @Test
    void theApiDescriptionIsPublic() {
        Http.Reply reply =
                http.send(HttpRequest.newBuilder(http.uri(ApiDescription.PATH)).GET());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(reply.header("RateLimit-Limit"))
                .as("no filter of /api stands before the description")
                .isNull();
    }

    private static HttpRequest.Builder oversizedText() {
        return HttpRequest.newBuilder(http.uri("/api/signatures"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(OVERSIZED_TEXT));
    }
}

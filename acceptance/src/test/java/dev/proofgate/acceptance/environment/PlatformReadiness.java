package dev.proofgate.acceptance.environment;

import static org.awaitility.Awaitility.await;

import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for {@code /health/ready}; the failure says what was last seen and shows the platform's log tail. */
final class PlatformReadiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PlatformReadiness() {}

    static void awaitReady(String baseUrl, Duration timeout, Supplier<String> diagnostics) {
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try {
            await("platform at " + baseUrl + " to report ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        String seen = get(baseUrl + "/health/ready");
                        lastSeen.set(seen);
                        return seen.startsWith("200");
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "the platform at " + baseUrl + " did not report ready within " + timeout.toSeconds()
                            + " s; last seen: " + lastSeen.get() + diagnostics.get(),
                    e);
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    static String version(String baseUrl) {
        try {
            String health = get(baseUrl + "/health");
            return Json.MAPPER
                    .readTree(health.substring(health.indexOf(' ') + 1))
                    .path("version")
                    .asText("unknown");
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "unknown";
        }
    }
}

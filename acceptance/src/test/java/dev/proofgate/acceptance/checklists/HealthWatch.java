package dev.proofgate.acceptance.checklists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches health as fast as it answers while a fault happens, because a degraded state can last
 * only as long as the supervisor's restart: the history is judged afterwards, not while it is taken.
 */
public final class HealthWatch {

    public record Seen(long atMillis, String overallStatus, String bridgeStatus, int workersAlive) {
    }

    private final RawHttp http;
    private final List<Seen> seen = new ArrayList<>();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean watching = true;

    private HealthWatch(RawHttp http) {
        this.http = http;
        this.thread = new Thread(this::watch, "health-watch");
        this.thread.setDaemon(true);
    }

    public static HealthWatch start(RawHttp http) {
        HealthWatch watch = new HealthWatch(http);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        while (watching) {
            RawHttp.Exchange answer = http.get("/health", Map.of());
            long at = (System.nanoTime() - started) / 1_000_000;
            if (answer.status() == 0) {
                continue;
            }
            JsonNode report = Json.parse(answer.body());
            JsonNode bridge = report.path("components").path("python_bridge");
            synchronized (seen) {
                seen.add(new Seen(at, report.path("status").asText(), bridge.path("status").asText(), bridge.path("workers_alive").asInt()));
            }
        }
    }

    /** Stops watching and returns what was seen, first to last. */
    public List<Seen> stop() {
        watching = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}

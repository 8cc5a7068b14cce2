package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.OperationsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches health as fast as it answers while a fault happens, because a degraded state can last
 * only as long as the supervisor's restart: the history is judged afterwards, not while it is taken.
 */
public final class HealthWatch {

    public record Seen(long atMillis, String overallStatus, String bridgeStatus, int workersAlive) {}

    private final OperationsApi operations;
    private final List<Seen> seen = new ArrayList<>();
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean watching = true;

    private HealthWatch(OperationsApi operations) {
        this.operations = operations;
        this.thread = new Thread(this::watch, "health-watch");
        this.thread.setDaemon(true);
    }

    public static HealthWatch start(OperationsApi operations) {
        HealthWatch watch = new HealthWatch(operations);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        while (watching) {
            Optional<OperationsApi.Health> health = operations.healthIfAnswered();
            long at = (System.nanoTime() - started) / 1_000_000;
            health.ifPresent(report -> {
                synchronized (seen) {
                    seen.add(new Seen(
                            at,
                            report.status(),
                            report.bridge().status(),
                            report.bridge().workersAlive()));
                }
            });
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

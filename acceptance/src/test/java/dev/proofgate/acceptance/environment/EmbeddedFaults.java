package dev.proofgate.acceptance.environment;

import java.time.Duration;
import java.util.List;

/**
 * Faults in embedded mode, where the suite owns every process: the platform is a child JVM, its
 * Python workers are that JVM's children, and PostgreSQL is the suite's own embedded server.
 */
final class EmbeddedFaults implements Faults {

    private final EmbeddedEnvironment environment;

    EmbeddedFaults(EmbeddedEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public long killWorker() {
        List<ProcessHandle> workers = workers();
        if (workers.isEmpty()) {
            throw new IllegalStateException("the platform has no live Python worker to kill");
        }
        ProcessHandle victim = workers.get(0);
        victim.destroyForcibly();
        victim.onExit().join();
        return victim.pid();
    }

    @Override
    public int liveWorkers() {
        return workers().size();
    }

    private List<ProcessHandle> workers() {
        return environment
                .platformProcess()
                .handle()
                .map(platform -> platform.children()
                        .filter(ProcessHandle::isAlive)
                        .filter(child -> child.info().commandLine().orElse("").contains("proofgate_worker"))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void stopDatabase() {
        environment.stopDatabase();
    }

    @Override
    public void startDatabase() {
        environment.startDatabase();
    }

    @Override
    public void crashPlatform() {
        environment.killPlatform();
    }

    @Override
    public Duration stopPlatform(Duration atMost) {
        return environment.platformProcess().terminate(atMost);
    }

    @Override
    public Duration startPlatform() {
        long started = System.nanoTime();
        environment.startPlatform();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void cutDatabaseNetwork() {
        environment.databaseLink().cut();
    }

    @Override
    public void slowDatabaseNetwork(Duration latency) {
        environment.databaseLink().slow(latency);
    }

    @Override
    public void resetDatabaseConnections() {
        environment.databaseLink().resetAll();
    }

    @Override
    public void healDatabaseNetwork() {
        environment.databaseLink().heal();
    }

    @Override
    public void restore() {
        environment.databaseLink().heal();
        if (!environment.databaseRunning()) {
            environment.startDatabase();
        }
        if (!environment.platformProcess().alive()) {
            environment.startPlatform();
        }
        // the next scenario starts on a platform that serves again, not on one still reconnecting
        PlatformReadiness.awaitReady(environment.baseUrl(), Duration.ofSeconds(30), () -> "");
    }
}

package dev.proofgate.acceptance.environment;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.proofgate.gate.support.Waits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;

/**
 * Faults in containers mode, done to the containers the way an operator's tools would: a worker is
 * killed from inside the platform container, the database container is stopped and started (its data
 * stays in the container), the platform container is killed or stopped with docker's SIGTERM and started
 * again on the same database. The network between the platform and its database is cut, slowed or reset
 * at the suite's fault proxy, which that link runs through (see {@link ContainersEnvironment}).
 */
final class ContainersFaults implements Faults {

    /**
     * Lists the platform's Python workers by their command line. The pattern is put together at run time
     * so that this shell's own command line, which holds the script, never matches it.
     */
    private static final String LIST_WORKERS = "w=proofgate_worker; w=$w.py; for p in /proc/[0-9]*; do "
            + "case \"$(tr '\\0' ' ' < $p/cmdline 2>/dev/null)\" in python*\"$w\"*) echo ${p#/proc/};; esac; done";
    /** docker's exit code for a container it had to SIGKILL. */
    private static final long KILLED = 137;

    private final DockerPlatform environment;

    ContainersFaults(DockerPlatform environment) {
        this.environment = environment;
    }

    @Override
    public long killWorker() {
        List<Long> workers = workerPids();
        if (workers.isEmpty()) {
            throw new IllegalStateException("the platform container has no live Python worker to kill");
        }
        long victim = workers.get(0);
        ExecResult kill = exec("kill -9 " + victim);
        if (kill.getExitCode() != 0) {
            throw new IllegalStateException(
                    "could not kill worker " + victim + " in the platform container: " + kill.getStderr());
        }
        Waits.until(
                "worker " + victim + " to be gone from the platform container",
                Duration.ofSeconds(10),
                this::workerPids,
                pids -> !pids.contains(victim));
        return victim;
    }

    @Override
    public int liveWorkers() {
        return workerPids().size();
    }

    /** Process ids of the Python workers inside the platform container, as its kernel namespace numbers them. */
    List<Long> workerPids() {
        ExecResult result = exec(LIST_WORKERS);
        return Arrays.stream(result.getStdout().split("\\s+"))
                .filter(s -> !s.isBlank())
                .map(Long::parseLong)
                .toList();
    }

    private ExecResult exec(String script) {
        return environment.execInPlatform("sh", "-c", script);
    }

    /** docker stop: PostgreSQL gets its stop signal (a fast shutdown) and the container keeps its data. */
    @Override
    public void stopDatabase() {
        environment
                .docker()
                .stopContainerCmd(environment.databaseId())
                .withTimeout(30)
                .exec();
    }

    @Override
    public void startDatabase() {
        environment.docker().startContainerCmd(environment.databaseId()).exec();
        environment.awaitDatabase();
    }

    /** docker kill: SIGKILL to the JVM, which is process 1 of the container; its workers go with it. */
    @Override
    public void crashPlatform() {
        environment
                .docker()
                .killContainerCmd(environment.platformId())
                .withSignal("SIGKILL")
                .exec();
        Waits.until(
                "the platform container to stop after SIGKILL",
                Duration.ofSeconds(10),
                () -> environment.running(environment.platformId()),
                running -> !running);
    }

    /**
     * docker stop with the bound as its time-out: SIGTERM, then SIGKILL if the platform is still up when
     * the bound runs out, which this reports as a failure naming the bound (docker counts whole seconds).
     */
    @Override
    public Duration stopPlatform(Duration atMost) {
        int seconds = (int) Math.max(1, (atMost.toMillis() + 999) / 1000);
        long started = System.nanoTime();
        environment
                .docker()
                .stopContainerCmd(environment.platformId())
                .withTimeout(seconds)
                .exec();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        InspectContainerResponse.ContainerState state =
                environment.inspect(environment.platformId()).getState();
        if (state.getExitCodeLong() != null && state.getExitCodeLong() == KILLED) {
            throw new AssertionError("the platform did not stop within " + seconds
                    + " s of SIGTERM; docker killed it (exit code " + KILLED + ")");
        }
        return took;
    }

    @Override
    public Duration startPlatform() {
        long started = System.nanoTime();
        environment.docker().startContainerCmd(environment.platformId()).exec();
        environment.awaitPlatform();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The platform's link to its database runs through the suite's fault proxy (see ContainersEnvironment). */
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
        if (!environment.running(environment.databaseId())) {
            startDatabase();
        }
        if (!environment.running(environment.platformId())) {
            environment.docker().startContainerCmd(environment.platformId()).exec();
        }
        // the next scenario starts on a platform that serves again, not on one still reconnecting
        environment.awaitPlatform();
    }
}

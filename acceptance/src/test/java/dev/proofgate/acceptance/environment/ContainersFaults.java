package dev.proofgate.acceptance.environment;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.proofgate.acceptance.support.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ExecInContainerPattern;

/**
 * Faults in containers mode, done to the containers the way an operator's tools would: a worker is
 * killed from inside the platform container, the database container is stopped and started (its data
 * stays in the container), the platform container is killed or stopped with docker's SIGTERM and started
 * again on the same database, and the database is disconnected from the network the platform reaches it by.
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

    private final ContainersEnvironment environment;

    ContainersFaults(ContainersEnvironment environment) {
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
            throw new IllegalStateException("could not kill worker " + victim + " in the platform container: " + kill.getStderr());
        }
        Waits.until("worker " + victim + " to be gone from the platform container", Duration.ofSeconds(10),
                this::workerPids, pids -> !pids.contains(victim));
        return victim;
    }

    @Override
    public int liveWorkers() {
        return workerPids().size();
    }

    /** Process ids of the Python workers inside the platform container, as its kernel namespace numbers them. */
    List<Long> workerPids() {
        ExecResult result = exec(LIST_WORKERS);
        return Arrays.stream(result.getStdout().split("\\s+")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    }

    private ExecResult exec(String script) {
        String platform = environment.platformId();
        InspectContainerResponse state = environment.inspect(platform);
        if (!Boolean.TRUE.equals(state.getState().getRunning())) {
            throw new IllegalStateException("the platform container is not running (" + state.getState().getStatus() + ")");
        }
        try {
            return ExecInContainerPattern.execInContainer(environment.docker(), state, "sh", "-c", script);
        } catch (IOException e) {
            throw new IllegalStateException("could not run a command in the platform container", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a command in the platform container", e);
        }
    }

    /** docker stop: PostgreSQL gets its stop signal (a fast shutdown) and the container keeps its data. */
    @Override
    public void stopDatabase() {
        environment.docker().stopContainerCmd(environment.databaseId()).withTimeout(30).exec();
    }

    @Override
    public void startDatabase() {
        environment.docker().startContainerCmd(environment.databaseId()).exec();
        environment.awaitDatabase();
    }

    /** docker kill: SIGKILL to the JVM, which is process 1 of the container; its workers go with it. */
    @Override
    public void crashPlatform() {
        environment.docker().killContainerCmd(environment.platformId()).withSignal("SIGKILL").exec();
        Waits.until("the platform container to stop after SIGKILL", Duration.ofSeconds(10),
                () -> environment.running(environment.platformId()), running -> !running);
    }

    /**
     * docker stop with the bound as its time-out: SIGTERM, then SIGKILL if the platform is still up when
     * the bound runs out, which this reports as a failure naming the bound (docker counts whole seconds).
     */
    @Override
    public Duration stopPlatform(Duration atMost) {
        int seconds = (int) Math.max(1, (atMost.toMillis() + 999) / 1000);
        long started = System.nanoTime();
        environment.docker().stopContainerCmd(environment.platformId()).withTimeout(seconds).exec();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        InspectContainerResponse.ContainerState state = environment.inspect(environment.platformId()).getState();
        if (state.getExitCodeLong() != null && state.getExitCodeLong() == KILLED) {
            throw new AssertionError("the platform did not stop within " + seconds + " s of SIGTERM; docker killed it (exit code "
                    + KILLED + ")");
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

    /** Disconnects the database from the platform's network: both stay up, and the suite still reaches each. */
    @Override
    public void cutDatabaseNetwork() {
        environment.disconnectDatabaseFromBackplane();
    }

    /** Not offered: slowing needs traffic control inside the containers, which the images do not have. */
    @Override
    public void slowDatabaseNetwork(java.time.Duration latency) {
        throw new UnsupportedOperationException("the containers mode cannot slow the network between the platform and its database");
    }

    /** Not offered on its own: a disconnect and connect also drops the connections, see cutDatabaseNetwork. */
    @Override
    public void resetDatabaseConnections() {
        throw new UnsupportedOperationException("the containers mode cannot reset the database connections without cutting the network");
    }

    @Override
    public void healDatabaseNetwork() {
        if (!environment.databaseOnBackplane()) {
            environment.connectDatabaseToBackplane();
        }
    }

    @Override
    public void restore() {
        boolean changed = false;
        if (!environment.running(environment.databaseId())) {
            startDatabase();
            changed = true;
        }
        if (!environment.databaseOnBackplane()) {
            environment.connectDatabaseToBackplane();
            changed = true;
        }
        if (!environment.running(environment.platformId())) {
            environment.docker().startContainerCmd(environment.platformId()).exec();
            changed = true;
        }
        if (changed) {
            environment.awaitPlatform();
        }
    }
}

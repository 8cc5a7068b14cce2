package dev.proofgate.acceptance.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.proofgate.gate.environment.DatabaseLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ExecInContainerPattern;

/**
 * The platform and its database as two containers on a Docker engine, whoever started them (the
 * containers mode, or docker compose): what the faults and the host checks act on, and how to wait for
 * each to serve again after a fault.
 */
final class DockerPlatform {

    private final DockerClient docker;
    private final Supplier<String> platformId;
    private final Supplier<String> databaseId;
    private final Runnable awaitPlatform;
    private final Runnable awaitDatabase;
    private final DatabaseLink databaseLink;

    DockerPlatform(
            DockerClient docker,
            Supplier<String> platformId,
            Supplier<String> databaseId,
            Runnable awaitPlatform,
            Runnable awaitDatabase,
            DatabaseLink databaseLink) {
        this.docker = docker;
        this.platformId = platformId;
        this.databaseId = databaseId;
        this.awaitPlatform = awaitPlatform;
        this.awaitDatabase = awaitDatabase;
        this.databaseLink = databaseLink;
    }

    DockerClient docker() {
        return docker;
    }

    String platformId() {
        return platformId.get();
    }

    String databaseId() {
        return databaseId.get();
    }

    DatabaseLink databaseLink() {
        return databaseLink;
    }

    /** Returns once the platform reports ready; fails with its container's log tail otherwise. */
    void awaitPlatform() {
        awaitPlatform.run();
    }

    /** Returns once the database accepts the suite's connections. */
    void awaitDatabase() {
        awaitDatabase.run();
    }

    InspectContainerResponse inspect(String containerId) {
        return docker.inspectContainerCmd(containerId).exec();
    }

    boolean running(String containerId) {
        return containerId != null
                && Boolean.TRUE.equals(inspect(containerId).getState().getRunning());
    }

    /** Runs a command in the platform container (docker exec) and returns what it printed and its exit code. */
    ExecResult execInPlatform(String... command) {
        InspectContainerResponse state = inspect(platformId());
        if (!Boolean.TRUE.equals(state.getState().getRunning())) {
            throw new IllegalStateException(
                    "the platform container is not running (" + state.getState().getStatus() + ")");
        }
        try {
            return ExecInContainerPattern.execInContainer(docker, state, command);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command[0] + " in the platform container", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while running " + command[0] + " in the platform container", e);
        }
    }

    /** The platform image's own entry point: how a throw-away platform is started in its container. */
    List<String> platformEntryPoint() {
        return List.of(inspect(platformId()).getConfig().getEntrypoint());
    }

    /** The PATH the platform image declares, for commands run there with a cleared environment. */
    String platformImagePath() {
        return Arrays.stream(inspect(platformId()).getConfig().getEnv())
                .filter(variable -> variable.startsWith("PATH="))
                .map(variable -> variable.substring("PATH=".length()))
                .findFirst()
                .orElse("/usr/local/bin:/usr/bin:/bin");
    }
}

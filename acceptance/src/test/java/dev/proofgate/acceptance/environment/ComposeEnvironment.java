package dev.proofgate.acceptance.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.gate.environment.DatabaseLink;
import dev.proofgate.gate.machine.MachineMeter;
import dev.proofgate.gate.support.Waits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.utility.LogUtils;

/**
 * docker-compose.yml, brought up by the user (the file's header has the commands). The suite reaches
 * the platform as a remote one and, where a Docker engine answers, finds the project's two containers by
 * the labels compose puts on them (this project's directory as the compose working directory, the
 * services {@value #PLATFORM_SERVICE} and {@value #DATABASE_SERVICE}) and does to them what the containers
 * mode does: faults, the host checks through docker exec, the platform's log. The network between them
 * can be faulted where the project was brought up with {@code docker-compose.suite.yml}, which puts a
 * fault link between the platform and its database (see {@link ComposeDatabaseLink}). Anything not
 * found is not offered, and the console says why in one line.
 */
final class ComposeEnvironment implements Environment {

    static final String PLATFORM_SERVICE = "platform";
    static final String DATABASE_SERVICE = "postgres";
    private static final String WORKER_IN_IMAGE = "/opt/proofgate/classes/python/proofgate_worker.py";

    private final SuiteSettings settings;
    private final RemoteEnvironment remote;
    private DockerPlatform containers;
    private boolean sameWorker;
    private String found = "not looked for";

    ComposeEnvironment(SuiteSettings settings) {
        this.settings = settings;
        this.remote = new RemoteEnvironment(settings);
    }

    @Override
    public String mode() {
        return remote.mode();
    }

    /** The project's containers where they were found, and whatever listens locally on the platform's and database's ports. */
    @Override
    public MachineMeter.OwnParts ownParts() {
        List<String> ids = containers == null
                ? List.of()
                : Stream.of(containers.platformId(), containers.databaseId())
                        .filter(Objects::nonNull)
                        .toList();
        return new MachineMeter.OwnParts(remote.ownParts().pids(), ids);
    }

    @Override
    public void start() {
        remote.start();
        found = findContainers();
        System.out.println("[proofgate] compose: " + found);
    }

    private String findContainers() {
        if (!ContainersEnvironment.dockerAvailable()) {
            return "no Docker engine answers, so the project's containers cannot be acted on: only what the remote mode offers";
        }
        DockerClient docker = DockerClientFactory.instance().client();
        Optional<String> platform = service(docker, PLATFORM_SERVICE);
        Optional<String> database = service(docker, DATABASE_SERVICE);
        if (platform.isEmpty() || database.isEmpty()) {
            return "no containers of services '" + PLATFORM_SERVICE + "' and '" + DATABASE_SERVICE
                    + "' brought up from " + settings.projectDirectory()
                    + " (compose label com.docker.compose.project.working_dir): only what the remote mode offers";
        }
        Optional<DatabaseLink> link = ComposeDatabaseLink.find(docker, settings.projectDirectory());
        containers = new DockerPlatform(
                docker,
                platform::get,
                database::get,
                this::awaitPlatform,
                () -> awaitDatabase(docker, database.get()),
                link.orElse(null));
        sameWorker = workerIsThisBuilds();
        return "containers " + platform.get().substring(0, 12) + " (" + PLATFORM_SERVICE + ") and "
                + database.get().substring(0, 12) + " ("
                + DATABASE_SERVICE + ") found; "
                + (sameWorker ? "its Python worker is this build's" : "its Python worker differs from this build's")
                + "; "
                + (link.isPresent()
                        ? "a fault link between them"
                        : "no fault link between them (docker-compose.suite.yml not used)");
    }

    private Optional<String> service(DockerClient docker, String service) {
        List<Container> found = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(
                        "com.docker.compose.service",
                        service,
                        "com.docker.compose.project.working_dir",
                        settings.projectDirectory().toString()))
                .exec();
        return found.size() == 1 ? Optional.of(found.get(0).getId()) : Optional.empty();
    }

    /** The bridge scenarios speak to a worker the suite starts; they stand for the deployed one only if it is the same file. */
    private boolean workerIsThisBuilds() {
        try (InputStream local = ComposeEnvironment.class.getResourceAsStream("/python/proofgate_worker.py")) {
            ExecResult deployed = containers.execInPlatform("cat", WORKER_IN_IMAGE);
            return local != null
                    && deployed.getExitCode() == 0
                    && new String(local.readAllBytes(), StandardCharsets.UTF_8).equals(deployed.getStdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPlatform() {
        PlatformReadiness.awaitReady(
                baseUrl(),
                settings.startupTimeout(),
                () -> LogUtils.getOutput(containers.docker(), containers.platformId()));
    }

    /**
     * By the suite's own connection where it may read the database (the moment it is back); else by the
     * service's health check (pg_isready in docker-compose.yml), which is only as prompt as its interval.
     */
    private void awaitDatabase(DockerClient docker, String database) {
        if (remote.database().isPresent()) {
            DatabaseReadiness.await(
                    remote.database().get(), settings.startupTimeout(), () -> LogUtils.getOutput(docker, database));
            return;
        }
        Waits.until(
                "the " + DATABASE_SERVICE + " service to report healthy",
                settings.startupTimeout(),
                () -> {
                    var state = docker.inspectContainerCmd(database).exec().getState();
                    return state.getHealth() == null
                            ? state.getStatus()
                            : state.getHealth().getStatus();
                },
                status -> "healthy".equals(status));
    }

    @Override
    public String baseUrl() {
        return remote.baseUrl();
    }

    @Override
    public String apiKey() {
        return remote.apiKey();
    }

    @Override
    public Optional<String> limitedApiKey() {
        return remote.limitedApiKey();
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.copyOf(remote.capabilities());
        if (containers != null) {
            capabilities.addAll(EnumSet.of(
                    Capability.KILL_WORKER,
                    Capability.STOP_DATABASE,
                    Capability.RESTART_PLATFORM,
                    Capability.STOP_PLATFORM,
                    Capability.INSPECT_HOST));
            if (sameWorker) {
                capabilities.add(Capability.LOCAL_BRIDGE_WORKER);
            }
            if (containers.databaseLink() != null) {
                capabilities.add(Capability.DATABASE_NETWORK);
            }
        }
        return capabilities;
    }

    @Override
    public Faults faults() {
        if (containers == null) {
            return Environment.super.faults();
        }
        return new ContainersFaults(containers);
    }

    @Override
    public PlatformHost host() {
        if (containers == null) {
            return Environment.super.host();
        }
        return new ContainerPlatformHost(containers);
    }

    @Override
    public Optional<DatabaseCoordinates> database() {
        return remote.database();
    }

    @Override
    public Optional<Path> platformLog() {
        if (containers == null) {
            return Optional.empty();
        }
        try {
            Path path = settings.workDirectory().resolve("platform-compose.log");
            Files.createDirectories(path.getParent());
            Files.writeString(path, LogUtils.getOutput(containers.docker(), containers.platformId()));
            return Optional.of(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the platform container's log", e);
        }
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new java.util.LinkedHashMap<>(remote.describe());
        facts.put("compose.containers", found);
        return facts;
    }

    @Override
    public void close() {
        if (containers != null && containers.databaseLink() != null) {
            containers.databaseLink().heal();
        }
    }
}

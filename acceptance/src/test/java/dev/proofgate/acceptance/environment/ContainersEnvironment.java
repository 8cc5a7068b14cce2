package dev.proofgate.acceptance.environment;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.PortBinding;
import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.gate.environment.StartupStages;
import dev.proofgate.gate.environment.TcpFaultProxy;
import dev.proofgate.gate.machine.MachineMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers mode: Testcontainers starts PostgreSQL and the platform image (built from
 * {@code platform/Dockerfile}) and the suite proves the platform inside them. Where no Docker engine
 * answers it says so in well under a second, and the run is INCONCLUSIVE.
 *
 * <p>The platform reaches PostgreSQL through the suite's {@link TcpFaultProxy} on this machine (at
 * {@value #HOST_ALIAS}, docker's name for the host), which forwards to the database container's
 * published port: the same link the embedded mode uses, so the network faults (cut, slow, reset) are
 * done the same way in both modes. Traffic control inside the containers ({@code tc netem}) would need
 * a kernel module that not every machine has (this project's CI machines lack it) and tools the stock
 * images do not carry. Host ports are fixed for the run, so a container stopped and started again is
 * found where it was.
 */
public final class ContainersEnvironment implements Environment {

    /** How the platform container names the machine the suite runs on (docker's host-gateway). */
    static final String HOST_ALIAS = "host.docker.internal";

    private static final int PLATFORM_PORT = 8080;
    private static final int POSTGRES_PORT = 5432;
    /** A "localhost/" name: Testcontainers' registry prefix (hub.image.name.prefix) must not send it to a mirror. */
    private static final String PLATFORM_IMAGE = "localhost/proofgate/platform:local";
    /** Every container the suite starts carries it: `docker rm -f $(docker ps -aq --filter label=dev.proofgate.suite)`. */
    private static final String LABEL = "dev.proofgate.suite";

    private final SuiteSettings settings;
    private final int platformPort = PlatformProcess.freePort();
    private final int databasePort = PlatformProcess.freePort();
    private final StartupStages stages = new StartupStages(SuiteSettings.CONTAINERS);
    private DockerPlatform containers;
    private DockerClient docker;
    private String host = "localhost";
    private String engine = "unknown";
    private String postgresVersion = "unknown";
    private TcpFaultProxy databaseLink;
    private GenericContainer<?> database;
    private GenericContainer<?> platform;

    public ContainersEnvironment(SuiteSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether a Docker engine answers. Where nothing points at an engine (no DOCKER_HOST, no docker.host
     * for Testcontainers, no Docker context, none of the sockets engines listen on) the answer is no at
     * once, without starting Testcontainers, which takes seconds to load on a busy machine; otherwise
     * Testcontainers asks the engine.
     */
    public static boolean dockerAvailable() {
        if (!anEngineIsConfiguredOrListening()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean anEngineIsConfiguredOrListening() {
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getenv("DOCKER_HOST") != null || System.getenv("DOCKER_CONTEXT") != null) {
            return true;
        }
        try {
            Path properties = home.resolve(".testcontainers.properties");
            Path dockerConfig = home.resolve(".docker/config.json");
            if ((Files.exists(properties) && Files.readString(properties).contains("docker.host"))
                    || (Files.exists(dockerConfig)
                            && Files.readString(dockerConfig).contains("currentContext"))) {
                return true;
            }
        } catch (IOException e) {
            return true;
        }
        String runtimeDir = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        return List.of(
                        Path.of("/var/run/docker.sock"),
                        Path.of(runtimeDir, "docker.sock"),
                        home.resolve(".docker/run/docker.sock"),
                        home.resolve(".docker/desktop/docker.sock"),
                        home.resolve(".colima/default/docker.sock"),
                        home.resolve(".rd/docker.sock"))
                .stream()
                .anyMatch(Files::exists);
    }

    @Override
    public String mode() {
        return SuiteSettings.CONTAINERS;
    }

    @Override
    public void start() {
        stages.run("Docker engine", this::checkEngine);
        stages.run("platform image", this::buildPlatformImage);
        stages.run("PostgreSQL container", this::startDatabaseContainer);
        stages.run("platform container", this::startPlatformContainer);
        System.out.println("[proofgate] containers: up; " + stages.summary());
    }

    private String checkEngine() {
        long started = System.nanoTime();
        if (!dockerAvailable()) {
            throw new IllegalStateException("containers mode needs a Docker engine and none answered (checked in "
                    + (System.nanoTime() - started) / 1_000_000
                    + " ms); start one (scripts/offline-images.sh provisions one "
                    + "on a Debian machine without registry access) or use -Dproofgate.mode=embedded, the default");
        }
        docker = DockerClientFactory.instance().client();
        host = DockerClientFactory.instance().dockerHostIpAddress();
        var version = docker.versionCmd().exec();
        engine = "Docker " + version.getVersion() + " (API " + version.getApiVersion() + ")";
        return engine + " at " + host;
    }

    /** Built on every run; the engine's layer cache makes an unchanged platform a matter of a second or two. */
    private String buildPlatformImage() {
        Path platformDir = settings.projectDirectory().resolve("platform");
        for (String needed : List.of("target/classes", "target/image-lib")) {
            if (!Files.isDirectory(platformDir.resolve(needed))) {
                throw new IllegalStateException(
                        "the platform image needs platform/" + needed + ", which a build of the platform "
                                + "leaves: mvn -pl platform -am package -Dplatform.tests.skip=true");
            }
        }
        ImageFromDockerfile image = new ImageFromDockerfile(PLATFORM_IMAGE, false)
                .withFileFromPath("Dockerfile", platformDir.resolve("Dockerfile"))
                .withFileFromPath("target/classes", platformDir.resolve("target/classes"))
                .withFileFromPath("target/image-lib", platformDir.resolve("target/image-lib"))
                .withBuildArg("BASE_IMAGE", settings.platformBaseImage());
        try {
            return image.get() + " from platform/Dockerfile on " + settings.platformBaseImage();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the platform image did not build from platform/Dockerfile on base image "
                            + settings.platformBaseImage() + " (proofgate.image.platform.base): " + rootMessage(e),
                    e);
        }
    }

    private String startDatabaseContainer() {
        database = new GenericContainer<>(DockerImageName.parse(settings.postgresImage()))
                .withEnv("POSTGRES_USER", "postgres")
                .withEnv("POSTGRES_PASSWORD", "postgres")
                .withEnv("POSTGRES_DB", "postgres")
                .withLabel(LABEL, "database")
                .withExposedPorts(POSTGRES_PORT)
                .withCreateContainerCmdModifier(cmd ->
                        cmd.getHostConfig().withPortBindings(PortBinding.parse(databasePort + ":" + POSTGRES_PORT)))
                // the official image logs this once for its initialisation server too: the JDBC wait below decides
                .waitingFor(Wait.forLogMessage(".*ready to accept connections.*", 1)
                        .withStartupTimeout(settings.startupTimeout()));
        try {
            database.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the PostgreSQL container (" + settings.postgresImage() + ", proofgate.image.postgres) "
                            + "did not start: " + rootMessage(e),
                    e);
        }
        awaitDatabase();
        databaseLink =
                new TcpFaultProxy(new InetSocketAddress(host, databasePort), new InetSocketAddress(0).getAddress());
        return settings.postgresImage() + ", " + postgresVersion + ", on port " + databasePort
                + "; the platform's link to it on port " + databaseLink.port();
    }

    private String startPlatformContainer() {
        platform = new GenericContainer<>(DockerImageName.parse(PLATFORM_IMAGE))
                .withExtraHost(HOST_ALIAS, "host-gateway")
                .withEnv(platformEnvironment())
                .withLabel(LABEL, "platform")
                .withExposedPorts(PLATFORM_PORT)
                .withCreateContainerCmdModifier(cmd ->
                        cmd.getHostConfig().withPortBindings(PortBinding.parse(platformPort + ":" + PLATFORM_PORT)))
                .waitingFor(new AwaitedBySuite());
        platform.start();
        awaitPlatform();
        containers = new DockerPlatform(
                docker, this::platformId, this::databaseId, this::awaitPlatform, this::awaitDatabase, databaseLink);
        return "ready at " + baseUrl();
    }

    private Map<String, String> platformEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "PROOFGATE_DB_URL",
                "jdbc:postgresql://" + HOST_ALIAS + ":" + databaseLink.port() + "/postgres"); // through the fault proxy
        env.put("PROOFGATE_DB_USER", "postgres");
        env.put("PROOFGATE_DB_PASSWORD", "postgres");
        env.put("PROOFGATE_API_KEYS", settings.platformApiKeys());
        env.put("PROOFGATE_BRIDGE_WORKERS", Integer.toString(settings.platformBridgeWorkers()));
        env.put("PROOFGATE_LEASE_SECONDS", "3");
        // as in embedded mode: one API key drives the performance scenarios' load from many virtual users
        env.put("PROOFGATE_RATE_LIMIT", "100000");
        env.put("PROOFGATE_SHUTDOWN_GRACE_SECONDS", "5");
        // the same JVM flags as the embedded mode's child JVM: small heap, fast start
        env.put("JAVA_TOOL_OPTIONS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return env;
    }

    /**
     * Waits for the platform to report ready, and gives up at once if its container stops (a platform that
     * exits at start-up, say for want of its database); either failure carries the container's log tail.
     */
    void awaitPlatform() {
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try {
            Awaitility.await("the platform at " + baseUrl() + " to report ready")
                    .atMost(settings.startupTimeout())
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the platform container stopped", () -> !running(platformId()))
                    .ignoreExceptions()
                    .until(() -> {
                        lastSeen.set(PlatformReadiness.get(baseUrl() + "/health/ready"));
                        return lastSeen.get().startsWith("200");
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String why = e instanceof TerminalFailureException
                    ? "the platform container stopped (exit code "
                            + inspect(platformId()).getState().getExitCodeLong() + ") before it reported ready"
                    : "the platform did not report ready within "
                            + settings.startupTimeout().toSeconds() + " s";
            throw new IllegalStateException(
                    why + "; last seen: " + lastSeen.get() + "\n--- platform container log tail ---\n"
                            + tail(logs(platform), 40),
                    e);
        }
    }

    /** Waits until the suite can open a JDBC connection; used at start and after the database container is started again. */
    void awaitDatabase() {
        postgresVersion = DatabaseReadiness.await(
                database().orElseThrow(), settings.startupTimeout(), () -> tail(logs(database), 40));
    }

    /** The two containers, for the faults and the host checks: only once both have started. */
    DockerPlatform containers() {
        if (containers == null) {
            throw new IllegalStateException("the containers have not been started");
        }
        return containers;
    }

    @Override
    public MachineMeter.OwnParts ownParts() {
        return new MachineMeter.OwnParts(
                List.of(),
                Stream.of(platformId(), databaseId()).filter(Objects::nonNull).toList());
    }

    String platformId() {
        return platform == null ? null : platform.getContainerId();
    }

    String databaseId() {
        return database == null ? null : database.getContainerId();
    }

    private InspectContainerResponse inspect(String containerId) {
        return docker.inspectContainerCmd(containerId).exec();
    }

    private boolean running(String containerId) {
        return containerId != null
                && Boolean.TRUE.equals(inspect(containerId).getState().getRunning());
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + databasePort + "/postgres";
    }

    @Override
    public Faults faults() {
        return new ContainersFaults(containers());
    }

    @Override
    public PlatformHost host() {
        return new ContainerPlatformHost(containers());
    }

    @Override
    public String baseUrl() {
        return "http://" + host + ":" + platformPort;
    }

    @Override
    public String apiKey() {
        return settings.apiKey();
    }

    @Override
    public Optional<String> limitedApiKey() {
        return Optional.of(settings.ownLimitedApiKey());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public Optional<DatabaseCoordinates> database() {
        return Optional.of(new DatabaseCoordinates(jdbcUrl(), "postgres", "postgres"));
    }

    /** The platform container's log (every start of it) as it stands now, written to a file each time it is asked for. */
    @Override
    public Optional<Path> platformLog() {
        return writeLog(platform, "platform-container.log");
    }

    @Override
    public Optional<Path> databaseLog() {
        return writeLog(database, "postgres-container.log");
    }

    private Optional<Path> writeLog(GenericContainer<?> container, String file) {
        if (container == null || container.getContainerId() == null) {
            return Optional.empty();
        }
        try {
            Path path = settings.workDirectory().resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, logs(container));
            return Optional.of(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the container log to " + file, e);
        }
    }

    private static String logs(GenericContainer<?> container) {
        try {
            return container == null || container.getContainerId() == null ? "(no container)" : container.getLogs();
        } catch (RuntimeException e) {
            return "(logs unavailable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\n"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("mode", mode());
        facts.put("platform.url", baseUrl());
        facts.put("platform.version", PlatformReadiness.version(baseUrl()));
        facts.put("postgresql.version", postgresVersion);
        facts.put("docker.engine", engine);
        facts.put("image.postgres", settings.postgresImage());
        facts.put("image.platform.base", settings.platformBaseImage());
        facts.put("python.workers", Integer.toString(settings.platformBridgeWorkers()));
        facts.put("startup", stages.summary());
        return facts;
    }

    /** Removes both containers and closes the database link; the platform image stays, so the next build is cached. */
    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {platform, databaseLink, database}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.out.println("[proofgate] containers: could not remove " + part + ": " + e.getMessage());
                }
            }
        }
        containers = null;
        platform = null;
        databaseLink = null;
        database = null;
    }

    /** The suite waits for readiness itself, with the same probe it uses after a container is started again. */
    private static final class AwaitedBySuite extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {}
    }
}

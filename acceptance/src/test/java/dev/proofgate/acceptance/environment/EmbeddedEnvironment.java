package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.gate.environment.TcpFaultProxy;
import dev.proofgate.gate.machine.MachineMeter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The default mode: an embedded PostgreSQL and the platform as a child JVM with its Python workers,
 * all on free local ports. The suite owns every part, so destructive scenarios may run here.
 */
public final class EmbeddedEnvironment implements Environment {

    private final SuiteSettings settings;
    private final Path work;
    private final int databasePort = PlatformProcess.freePort();
    private final int platformPort = PlatformProcess.freePort();
    private EmbeddedPostgres postgres;
    private PlatformProcess platform;
    private TcpFaultProxy databaseLink;
    private String postgresVersion = "unknown";
    private final Faults faults = new EmbeddedFaults(this);

    public EmbeddedEnvironment(SuiteSettings settings) {
        this.settings = settings;
        this.work = settings.workDirectory();
    }

    @Override
    public String mode() {
        return SuiteSettings.EMBEDDED;
    }

    @Override
    public void start() {
        deleteRecursively(work.resolve("pgdata"));
        startDatabase();
        databaseLink = new TcpFaultProxy(databasePort);
        platform = new PlatformProcess(platformEnvironment(), work.resolve("platform.log"));
        startPlatform();
    }

    private Map<String, String> platformEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PROOFGATE_PORT", Integer.toString(platformPort));
        env.put(
                "PROOFGATE_DB_URL",
                "jdbc:postgresql://localhost:" + databaseLink.port() + "/postgres"); // through the fault proxy
        env.put("PROOFGATE_DB_USER", "postgres");
        env.put("PROOFGATE_DB_PASSWORD", "postgres");
        env.put("PROOFGATE_API_KEYS", settings.platformApiKeys());
        env.put("PROOFGATE_BRIDGE_WORKERS", Integer.toString(settings.platformBridgeWorkers()));
        env.put("PROOFGATE_PYTHON", settings.python());
        env.put("PROOFGATE_LEASE_SECONDS", "3");
        // one API key drives the performance scenarios' load from many virtual users
        env.put("PROOFGATE_RATE_LIMIT", "100000");
        env.put("PROOFGATE_SHUTDOWN_GRACE_SECONDS", "5");
        return env;
    }

    @Override
    public MachineMeter.OwnParts ownParts() {
        return new MachineMeter.OwnParts(
                MachineMeter.OwnParts.pidFromFile(work.resolve("pgdata").resolve("postmaster.pid")), List.of());
    }

    void startDatabase() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("pgdata"))
                    .setOverrideWorkingDirectory(work.resolve("pgbin").toFile())
                    .setCleanDataDirectory(false)
                    .setPort(databasePort)
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                postgresVersion = c.getMetaData().getDatabaseProductVersion();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL started but does not answer", e);
        }
    }

    void stopDatabase() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    void startPlatform() {
        platform.start();
        PlatformReadiness.awaitReady(
                baseUrl(),
                settings.startupTimeout(),
                () -> (platform.alive() ? "" : " (the platform process exited)") + "\n--- platform log tail ---\n"
                        + platform.logTail(40));
    }

    void killPlatform() {
        platform.kill();
    }

    PlatformProcess platformProcess() {
        return platform;
    }

    TcpFaultProxy databaseLink() {
        return databaseLink;
    }

    boolean databaseRunning() {
        return postgres != null;
    }

    @Override
    public Faults faults() {
        return faults;
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + platformPort;
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

    @Override
    public Optional<Path> platformLog() {
        return Optional.of(work.resolve("platform.log"));
    }

    @Override
    public PlatformHost host() {
        return new LocalPlatformHost(work, () -> {
            if (platform == null || !platform.alive()) {
                throw new IllegalStateException("the platform process is not running");
            }
            return platform.pid();
        });
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("mode", mode());
        facts.put("platform.url", baseUrl());
        facts.put("platform.version", PlatformReadiness.version(baseUrl()));
        facts.put("postgresql.version", postgresVersion);
        facts.put("python.workers", Integer.toString(settings.platformBridgeWorkers()));
        return facts;
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.stop();
        }
        if (databaseLink != null) {
            databaseLink.close();
        }
        stopDatabase();
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

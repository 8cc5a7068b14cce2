package dev.proofgate.platform.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of local mode: a real server whose data survives restarts in a named directory.
 *
 * <p>PostgreSQL runs as its own daemon, so when the platform is killed (SIGKILL) it outlives its
 * parent and keeps the data directory locked; the next start then fails. {@link #start} therefore
 * first looks for such an orphan and stops it. And the server is stopped by {@link #close} only,
 * never by the library's own shutdown hook: JVM shutdown hooks run concurrently, and that hook would
 * stop the database while the platform is still draining in-flight executions.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final long ORPHAN_STOP_SECONDS = 10;

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            Path work = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-binaries");
            Files.createDirectories(work);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setRegisterShutdownHook(false)
                    .start();
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a PostgreSQL left running on this data directory by a platform that was killed. It is
     * touched only when its lock file names this very data directory and the process it names is a
     * PostgreSQL server; it gets SIGTERM (a smart shutdown: its clients died with the old platform,
     * so it ends at once, with a clean checkpoint). A lock file whose process is gone is left to
     * PostgreSQL, which recovers from it by itself.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(lockFile);
        if (lines.size() < 2) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Path lockedDirectory = Path.of(lines.get(1).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info(
                    "local mode: the data directory has a lock file of PostgreSQL pid {}, which is gone; PostgreSQL recovers from it",
                    pid);
            return;
        }
        boolean sameDirectory = Files.isSameFile(lockedDirectory, dataDirectory);
        boolean postgres = process.get()
                .info()
                .command()
                .map(command -> command.contains("postgres"))
                .orElse(false);
        if (!sameDirectory || !postgres) {
            LOG.warn(
                    "local mode: lock file of {} names pid {} ({}), not an embedded PostgreSQL of this directory; left alone",
                    dataDirectory,
                    pid,
                    process.get().info().command().orElse("command unknown"));
            return;
        }
        long started = System.nanoTime();
        process.get().destroy();
        // PostgreSQL removes its lock file as the last step of a clean shutdown; waiting for that rather
        // than for the process handle matters where the orphan's new parent (PID 1 of a container) is
        // slow to reap it: the exited server stays a zombie, "alive" to Java, for seconds
        long deadline = started + TimeUnit.SECONDS.toNanos(ORPHAN_STOP_SECONDS);
        while (Files.exists(lockFile) && process.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the orphaned embedded PostgreSQL (pid " + pid + ") on " + dataDirectory
                        + " did not stop within " + ORPHAN_STOP_SECONDS + " s of SIGTERM; stop it and start again");
            }
            try {
                process.get().onExit().get(10, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // still shutting down: look at the lock file again
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(
                        "waiting for the orphaned embedded PostgreSQL (pid " + pid + ") failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while stopping the orphaned embedded PostgreSQL (pid " + pid + ")", e);
            }
        }
        LOG.warn(
                "local mode: stopped the orphaned embedded PostgreSQL (pid {}) left running on {} by a platform that did not "
                        + "shut down (killed?), in {} ms; its data is kept",
                pid,
                dataDirectory,
                (System.nanoTime() - started) / 1_000_000);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

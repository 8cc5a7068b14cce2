package dev.proofgate.acceptance.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a separate OS process: a child JVM running {@code dev.proofgate.platform.Main} from
 * the suite's own classpath (which holds the platform module), its output appended to one log file.
 */
final class PlatformProcess {

    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    PlatformProcess(Map<String, String> environment, Path log) {
        this.environment = environment;
        this.log = log;
    }

    void start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "dev.proofgate.platform.Main"));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log, "---- platform starting ----\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the platform JVM", e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Optional<ProcessHandle> handle() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
    }

    /**
     * SIGTERM and wait up to {@code atMost} for the platform to drain and exit; returns how long it took.
     * A platform that outstays the bound is killed, and this fails naming the bound.
     */
    Duration terminate(Duration atMost) {
        long started = System.nanoTime();
        process.destroy();
        boolean exited;
        try {
            exited = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!exited) {
            kill();
            throw new AssertionError(
                    "the platform did not stop within " + atMost.toMillis() + " ms of SIGTERM; it was killed");
        }
        return took;
    }

    /** SIGKILL: no shutdown hook runs, in-flight work is abandoned mid-way. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(10);
        }
    }

    /** SIGTERM: the platform drains in-flight work and stops. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(30)) {
                process.destroyForcibly();
                waitFor(10);
            }
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

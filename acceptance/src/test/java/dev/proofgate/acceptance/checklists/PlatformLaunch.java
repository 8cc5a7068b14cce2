package dev.proofgate.acceptance.checklists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a throw-away platform JVM from the suite's classpath with a chosen environment and reports
 * how it ended: for start-up checks that must never reach a database or a port.
 */
public final class PlatformLaunch {

    private PlatformLaunch() {
    }

    public record Ending(int exitCode, Duration took, List<String> output, boolean stillRunning) {
    }

    public static Ending run(Map<String, String> environment, List<String> arguments, Duration atMost) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                "dev.proofgate.platform.Main"));
        command.addAll(arguments);
        long started = System.nanoTime();
        try {
            Path output = Files.createTempFile("proofgate-launch", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("PROOFGATE_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean exited = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (!exited) {
                // A platform that went on starting: stop it and everything it started (its database, its workers).
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            return new Ending(exited ? process.exitValue() : -1, took, lines, !exited);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a platform JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a platform JVM", e);
        }
    }
}

package dev.proofgate.acceptance.environment;

import dev.proofgate.gate.environment.ProcFiles;
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
import java.util.function.LongSupplier;

/** This machine, where the embedded mode runs the platform as a child JVM: throw-away starts use the suite's classpath. */
final class LocalPlatformHost implements PlatformHost {

    private final Path work;
    private final LongSupplier platformPid;

    LocalPlatformHost(Path work, LongSupplier platformPid) {
        this.work = work;
        this.platformPid = platformPid;
    }

    @Override
    public Ending launchPlatform(Map<String, String> environment, List<String> arguments, Duration atMost) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                "dev.proofgate.platform.Main"));
        command.addAll(arguments);
        long started = System.nanoTime();
        try {
            Path output = Files.createTempFile("proofgate-launch", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
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

    @Override
    public String scratchDirectory(String name) {
        return work.resolve(name).toString();
    }

    @Override
    public Map<String, String> processEnvironment(long pid) {
        return ProcFiles.environment(ProcFiles.readLocal(pid, "environ"));
    }

    @Override
    public long platformResidentBytes() {
        return ProcFiles.residentBytes(ProcFiles.readLocal(platformPid.getAsLong(), "status"));
    }
}

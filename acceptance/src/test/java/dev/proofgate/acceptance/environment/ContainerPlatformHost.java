package dev.proofgate.acceptance.environment;

import dev.proofgate.gate.environment.ProcFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The platform container as its host: everything is read or started there with {@code docker exec}, as
 * an operator would. A throw-away platform runs the image's own entry point with a cleared environment
 * (so none of the running platform's settings leak into it) under coreutils' {@code timeout}, which kills
 * it once the bound runs out. The platform's JVM is the container's process 1 (the image's exec-form entry point).
 */
final class ContainerPlatformHost implements PlatformHost {

    /** What timeout(1) exits with when it had to kill with SIGKILL. */
    private static final int KILLED = 137;

    private static final long PLATFORM_PID = 1;

    private final DockerPlatform environment;

    ContainerPlatformHost(DockerPlatform environment) {
        this.environment = environment;
    }

    @Override
    public Ending launchPlatform(Map<String, String> variables, List<String> arguments, Duration atMost) {
        List<String> command =
                new ArrayList<>(List.of("env", "-i", "PATH=" + environment.platformImagePath(), "HOME=/tmp"));
        variables.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(
                "timeout", "-s", "KILL", String.format(java.util.Locale.ROOT, "%.1f", atMost.toMillis() / 1000.0)));
        command.addAll(environment.platformEntryPoint());
        command.addAll(arguments);
        long started = System.nanoTime();
        ExecResult result = environment.execInPlatform(command.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> output = new ArrayList<>(lines(result.getStdout()));
        output.addAll(lines(result.getStderr()));
        boolean killed = result.getExitCode() == KILLED;
        return new Ending(killed ? -1 : result.getExitCode(), took, output, killed);
    }

    @Override
    public String scratchDirectory(String name) {
        return "/tmp/" + name;
    }

    @Override
    public Map<String, String> processEnvironment(long pid) {
        return ProcFiles.environment(read(pid, "environ"));
    }

    @Override
    public long platformResidentBytes() {
        return ProcFiles.residentBytes(read(PLATFORM_PID, "status"));
    }

    private String read(long pid, String file) {
        ExecResult result = environment.execInPlatform("cat", "/proc/" + pid + "/" + file);
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/" + file + " in the platform container: "
                    + result.getStderr().trim());
        }
        return result.getStdout();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}

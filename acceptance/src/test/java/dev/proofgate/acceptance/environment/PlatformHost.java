package dev.proofgate.acceptance.environment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the platform's processes run, seen from there: for the checks that read a process's
 * environment or the platform's memory, or start a throw-away platform with a bad setting. Offered
 * with {@link Capability#INSPECT_HOST}: this machine in embedded mode, the platform container in
 * containers mode (through {@code docker exec}, so it sees what an operator on that host would).
 */
public interface PlatformHost {

    /** How a throw-away platform ended: its exit code, how long it ran, what it printed (both streams). */
    record Ending(int exitCode, Duration took, List<String> output, boolean stillRunning) {}

    /**
     * Starts a throw-away platform there with exactly this environment (nothing of the running
     * platform's settings is inherited) and reports how it ended; one still running after
     * {@code atMost} is killed with everything it started and reported as still running.
     */
    Ending launchPlatform(Map<String, String> environment, List<String> arguments, Duration atMost);

    /** A path there that a throw-away platform may use as its data directory. */
    String scratchDirectory(String name);

    /** The environment a process there was started with, by its process id as that host numbers it. */
    Map<String, String> processEnvironment(long pid);

    /** Resident memory (VmRSS) of the running platform process, in bytes. */
    long platformResidentBytes();
}

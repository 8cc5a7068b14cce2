package dev.proofgate.acceptance.checklists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment a process was started with, as the operating system keeps it (Linux /proc). */
public final class WorkerEnvironment {

    private WorkerEnvironment() {
    }

    public static Map<String, String> of(long pid) {
        Path environ = Path.of("/proc", Long.toString(pid), "environ");
        try {
            String raw = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
            Map<String, String> variables = new LinkedHashMap<>();
            Arrays.stream(raw.split("\u0000")).filter(entry -> entry.contains("=")).forEach(entry ->
                    variables.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1)));
            return variables;
        } catch (IOException e) {
            throw new AssertionError("cannot read the environment of process " + pid + " from " + environ + ": " + e.getMessage(), e);
        }
    }

    /** Peak resident memory of a live process in KiB (VmHWM), or -1 where the system does not say. */
    public static long peakResidentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new AssertionError("cannot read the memory of process " + pid + ": " + e.getMessage(), e);
        }
    }
}

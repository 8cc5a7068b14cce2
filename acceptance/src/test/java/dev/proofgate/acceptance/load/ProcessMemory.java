package dev.proofgate.acceptance.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resident memory (VmRSS) of a local process, from /proc/<pid>/status: what the operating system charges it. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Bytes resident; fails when the process is gone or /proc is not there (not Linux). */
    public static long residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            throw new IllegalStateException(status + " has no VmRSS line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resident memory of process " + pid, e);
        }
    }

    public static Optional<Long> tryResidentBytes(long pid) {
        try {
            return Optional.of(residentBytes(pid));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.proofgate.gate.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Competing CPU work for the self-check's noise proof: N busy-loop processes (Python, a prerequisite,
 * so no stress tool is needed) at normal priority, started beside the suite run and stopped after it.
 * They are the self-check's children, not the suite's, so the suite's machine meter sees them as other work.
 */
final class CpuHog implements AutoCloseable {

    private final List<Process> processes;

    private CpuHog(List<Process> processes) {
        this.processes = processes;
    }

    static CpuHog start(int count) {
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(new ProcessBuilder("python3", "-c", "while True: pass")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
        } catch (IOException e) {
            started.forEach(Process::destroyForcibly);
            throw new UncheckedIOException("could not start the CPU hog (python3)", e);
        }
        return new CpuHog(started);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}

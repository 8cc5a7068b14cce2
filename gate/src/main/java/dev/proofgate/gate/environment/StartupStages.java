package dev.proofgate.gate.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Prints an environment's start-up stage by stage, each with what it found and how long it took, so
 * that a slow or failing start says where; the timings also go to the report's environment panel.
 */
public final class StartupStages {

    private final String mode;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public StartupStages(String mode) {
        this.mode = mode;
    }

    /** Runs one stage; {@code work} returns a one-line description of what the stage produced. */
    public void run(String stage, Supplier<String> work) {
        System.out.printf("[proofgate] %s: %s ...%n", mode, stage);
        long started = System.nanoTime();
        String outcome;
        try {
            outcome = work.get();
        } catch (RuntimeException e) {
            System.out.printf(
                    "[proofgate] %s: %s failed after %.1f s%n", mode, stage, (System.nanoTime() - started) / 1e9);
            throw e;
        }
        double took = (System.nanoTime() - started) / 1e9;
        seconds.put(stage, took);
        System.out.printf("[proofgate] %s: %s: %s (%.1f s)%n", mode, stage, outcome, took);
    }

    /** "stage 1.2 s, stage 0.4 s" for the environment panel. */
    public String summary() {
        return seconds.entrySet().stream()
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

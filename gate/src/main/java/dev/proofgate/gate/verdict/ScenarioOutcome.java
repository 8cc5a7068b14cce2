package dev.proofgate.gate.verdict;

import java.util.List;

/**
 * One scenario as the verdict sees it. {@code severity} is null when the scenario has no valid
 * severity tag (a defect of the suite, not a default). {@code status} is Cucumber's status name,
 * except that a scenario whose steps were not executed (dry run) or that attached no evidence where
 * evidence is required is SKIPPED: not run. {@code cause} files a scenario that did not pass
 * ("product defect", "environment problem", "suite defect", "not run"); {@code details} holds what a
 * person needs to fix it (an undefined step's text, place and the closest existing steps).
 */
public record ScenarioOutcome(
        String area,
        String feature,
        String name,
        String location,
        String severity,
        String status,
        String message,
        long durationMillis,
        String cause,
        Waiver waiver,
        List<String> details) {

    public ScenarioOutcome(
            String area,
            String feature,
            String name,
            String location,
            String severity,
            String status,
            String message,
            long durationMillis) {
        this(
                area,
                feature,
                name,
                location,
                severity,
                status,
                message,
                durationMillis,
                "FAILED".equals(status) ? "product defect" : null,
                null,
                List.of());
    }

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** Selected but not carried out: skipped (the environment lacks a capability, a dry run, no evidence). */
    public boolean notRun() {
        return "SKIPPED".equals(status);
    }

    /** The suite could not say what the scenario means: a step is undefined, pending or ambiguous. */
    public boolean undecided() {
        return "UNDEFINED".equals(status) || "PENDING".equals(status) || "AMBIGUOUS".equals(status);
    }

    /** A failure that proves something about the product (an assertion), not about the suite or the environment. */
    public boolean productFailure() {
        return failed() && (cause == null || "product defect".equals(cause));
    }

    public boolean mustPass() {
        return "blocker".equals(severity) || "critical".equals(severity);
    }

    public String label() {
        return "\"" + name + "\" (" + location + ")";
    }
}

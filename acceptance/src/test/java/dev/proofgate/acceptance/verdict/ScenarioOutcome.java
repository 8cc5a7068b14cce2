package dev.proofgate.acceptance.verdict;

/**
 * One scenario as the verdict sees it. {@code severity} is null when the scenario has no valid
 * severity tag (a defect of the suite, not a default). {@code status} is Cucumber's status name.
 */
public record ScenarioOutcome(String area, String feature, String name, String location, String severity,
                              String status, String message, long durationMillis) {

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** Selected but not carried out: skipped (for example, the environment lacks a capability). */
    public boolean notRun() {
        return "SKIPPED".equals(status);
    }

    /** The suite could not say what the scenario means: a step is undefined, pending or ambiguous. */
    public boolean undecided() {
        return "UNDEFINED".equals(status) || "PENDING".equals(status) || "AMBIGUOUS".equals(status);
    }

    public boolean mustPass() {
        return "blocker".equals(severity) || "critical".equals(severity);
    }

    public String label() {
        return "\"" + name + "\" (" + location + ")";
    }
}

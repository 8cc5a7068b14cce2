package dev.proofgate.acceptance.completion;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each completion criterion came to in this run, as its own scenario found it: the roll-up reads
 * this and nothing else, so "stage 1 is complete" can only follow criteria measured in this JVM, now.
 */
public final class StageLedger {

    /** One criterion's outcome: the scenario that measured it and the status it ended with. */
    public record Held(String criterion, String scenario, String status) {
        public boolean held() {
            return "PASSED".equals(status);
        }
    }

    private static final Map<String, Held> CRITERIA = new ConcurrentHashMap<>();

    private StageLedger() {
    }

    public static void record(String criterion, String scenario, String status) {
        // A criterion that failed once in the run stays failed, whatever a repeat says.
        CRITERIA.merge(criterion, new Held(criterion, scenario, status), (old, now) -> old.held() ? now : old);
    }

    public static Optional<Held> find(String criterion) {
        return Optional.ofNullable(CRITERIA.get(criterion));
    }
}

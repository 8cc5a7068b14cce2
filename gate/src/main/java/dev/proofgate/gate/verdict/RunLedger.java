package dev.proofgate.gate.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the verdict plugin and the Allure result listener learn about each scenario of this JVM's run,
 * keyed by the scenario's id (which is also its Allure result's uuid): the plugin records why a
 * scenario did not pass before Allure writes its result, and the listener records how much evidence
 * the scenario's steps attached, so the verdict and the report tell the same story.
 */
final class RunLedger {

    /** Why a scenario proves nothing either way, or failed: decides where the verdict and the report file it. */
    enum Cause {
        PRODUCT("product defect"),
        ENVIRONMENT("environment problem"),
        SUITE("suite defect"),
        NOT_RUN("not run");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The verdict's view of one scenario before its result is written. */
    static final class Entry {
        volatile String area;
        volatile boolean evidenceRequired;
        volatile boolean severityMissing;
        volatile Cause cause;
        volatile String causeMessage;
        volatile int attachments = -1;
        final List<String> stepProblems = new ArrayList<>();
    }

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private RunLedger() {}

    static Entry entry(String scenarioId) {
        return ENTRIES.computeIfAbsent(scenarioId, id -> new Entry());
    }

    static Entry find(String scenarioId) {
        return ENTRIES.get(scenarioId);
    }

    static void clear() {
        ENTRIES.clear();
    }
}

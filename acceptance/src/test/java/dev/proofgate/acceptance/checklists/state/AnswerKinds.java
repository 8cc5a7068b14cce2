package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import java.util.Map;

/** One answer of every kind the platform gives, by kind, for the headers they carry. Scenario-scoped, injected by constructor. */
public final class AnswerKinds {

    private Map<String, HttpAnswer> byKind;

    public Map<String, HttpAnswer> byKind() {
        return Earlier.required(byKind, "every kind of answer asked for");
    }

    public void record(Map<String, HttpAnswer> byKind) {
        this.byKind = byKind;
    }
}

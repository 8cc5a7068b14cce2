package dev.proofgate.acceptance.checklists.state;

/** The Python worker restarts the platform counted before a hostile request. Scenario-scoped, injected by constructor. */
public final class BridgeRestarts {

    private Long before;

    public Long before() {
        return Earlier.required(before, "the worker restarts counted");
    }

    public void record(Long before) {
        this.before = before;
    }
}

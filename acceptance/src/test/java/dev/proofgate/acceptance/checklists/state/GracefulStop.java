package dev.proofgate.acceptance.checklists.state;

import java.time.Duration;

/** The platform stopped while answering: how long the stop took and what it logged meanwhile. Scenario-scoped, injected by constructor. */
public final class GracefulStop {

    private Duration took;
    private String log;

    public Duration took() {
        return Earlier.required(took, "the platform stopped");
    }

    public String log() {
        return Earlier.required(log, "the platform log while stopping");
    }

    public void record(Duration took, String log) {
        this.took = took;
        this.log = log;
    }
}

package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.gate.machine.TimedJudgement;
import java.time.Duration;
import java.util.Map;

/** The platform stopped and started again: what it showed before, and the measured start-up. Scenario-scoped, injected by constructor. */
public final class Restart {

    private Map<String, OperationsApi.View> viewsBefore;
    private TimedJudgement.Measured<Duration> startUp;

    public Map<String, OperationsApi.View> viewsBefore() {
        return Earlier.required(viewsBefore, "the resources read before the restart");
    }

    public TimedJudgement.Measured<Duration> startUp() {
        return Earlier.required(startUp, "the start-up measured");
    }

    public void record(Map<String, OperationsApi.View> viewsBefore, TimedJudgement.Measured<Duration> startUp) {
        this.viewsBefore = viewsBefore;
        this.startUp = startUp;
    }
}

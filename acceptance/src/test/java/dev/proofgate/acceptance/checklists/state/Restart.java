package dev.proofgate.acceptance.checklists.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.machine.TimedJudgement;
import java.time.Duration;
import java.util.Map;

/** The platform stopped and started again: what it showed before, and the measured start-up. Scenario-scoped, injected by constructor. */
public final class Restart {

    private Map<String, JsonNode> viewsBefore;
    private TimedJudgement.Measured<Duration> startUp;

    public Map<String, JsonNode> viewsBefore() {
        return Earlier.required(viewsBefore, "the resources read before the restart");
    }

    public TimedJudgement.Measured<Duration> startUp() {
        return Earlier.required(startUp, "the start-up measured");
    }

    public void record(Map<String, JsonNode> viewsBefore, TimedJudgement.Measured<Duration> startUp) {
        this.viewsBefore = viewsBefore;
        this.startUp = startUp;
    }
}

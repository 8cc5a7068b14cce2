package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.HealthWatch;
import dev.proofgate.acceptance.drivers.OperationsApi;
import java.util.List;

/**
 * A Python worker of the platform killed: the health seen meanwhile, and the bridge once recovered.
 * Scenario-scoped, injected by constructor.
 */
public final class WorkerKill {

    private List<HealthWatch.Seen> seen;
    private OperationsApi.Bridge recovered;

    public List<HealthWatch.Seen> seen() {
        return Earlier.required(seen, "the health watched around a worker kill");
    }

    public OperationsApi.Bridge recovered() {
        return Earlier.required(recovered, "the bridge recovered after a worker kill");
    }

    public void record(List<HealthWatch.Seen> seen, OperationsApi.Bridge recovered) {
        this.seen = seen;
        this.recovered = recovered;
    }
}

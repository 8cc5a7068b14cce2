package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.gate.machine.TimedJudgement;
import java.util.List;

/** Compile times of a small and a large signature: their field counts and the measured ratio. Scenario-scoped, injected by constructor. */
public final class CompileRatio {

    private List<Integer> fields;
    private TimedJudgement.Measured<Double> ratio;

    public List<Integer> fields() {
        return Earlier.required(fields, "the field counts compiled");
    }

    public TimedJudgement.Measured<Double> ratio() {
        return Earlier.required(ratio, "the compile times measured");
    }

    public void record(List<Integer> fields, TimedJudgement.Measured<Double> ratio) {
        this.fields = fields;
        this.ratio = ratio;
    }
}

package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.gate.machine.TimedJudgement;
import java.util.List;

/** Questions answered one after another: how many, and the measured time from asking to answer of each. Scenario-scoped. */
public final class AnswerLatencies {

    private Integer questions;
    private TimedJudgement.Measured<List<Long>> latencies;

    public int questions() {
        return Earlier.required(questions, "questions answered one after another");
    }

    public TimedJudgement.Measured<List<Long>> latencies() {
        return Earlier.required(latencies, "the time from asking to answer measured");
    }

    public void record(int questions, TimedJudgement.Measured<List<Long>> latencies) {
        this.questions = questions;
        this.latencies = latencies;
    }
}

package dev.proofgate.gate.machine;

import static dev.proofgate.gate.machine.MachineMeterTest.disturbance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimedJudgementTest {

    private static final int BUDGET_MS = 3000;

    private static TimedJudgement.Measured<Integer> took(int millis, double foreignCpu) {
        return new TimedJudgement.Measured<>(millis, disturbance(foreignCpu, 0, 5));
    }

    private static int judge(TimedJudgement.Measured<Integer> first, Supplier<TimedJudgement.Measured<Integer>> again) {
        return TimedJudgement.judge(
                "ready after the restart",
                first,
                again,
                ms -> ms > BUDGET_MS,
                ms -> ms + " ms, budget " + BUDGET_MS + " ms");
    }

    @Test
    void aBreachOnAFitMachineStandsAndIsNotMeasuredAgain() {
        AtomicInteger again = new AtomicInteger();
        assertThat(judge(took(3500, 2), () -> {
                    again.incrementAndGet();
                    return took(1000, 2);
                }))
                .isEqualTo(3500);
        assertThat(again).hasValue(0);
    }

    @Test
    void withinBudgetOnADisturbedMachineStands() {
        assertThat(judge(took(2000, 90), () -> took(9999, 90))).isEqualTo(2000);
    }

    @Test
    void aBreachOnADisturbedMachineIsMeasuredOnceMoreAndTheSecondDecides() {
        assertThat(judge(took(4100, 60), () -> took(2500, 60)))
                .as("held when measured again")
                .isEqualTo(2500);
        assertThat(judge(took(4100, 60), () -> took(3600, 3)))
                .as("breached again on a fit machine: a finding")
                .isEqualTo(3600);
    }

    @Test
    void aBreachTwiceOnADisturbedMachineIsNotJudgedAndNamesTheFigures() {
        assertThatThrownBy(() -> judge(took(4164, 55), () -> took(5463, 70)))
                .isInstanceOf(MachineDisturbed.class)
                .hasMessageStartingWith(
                        "INCONCLUSIVE: ready after the restart not judged, machine disturbed: foreign CPU 70 % of 2 cores")
                .hasMessageContaining("4164 ms, budget 3000 ms, then 5463 ms, budget 3000 ms");
    }

    @Test
    void aBreachOnADisturbedMachineThatCannotBeMeasuredAgainIsNotJudged() {
        assertThatThrownBy(() -> judge(took(4164, 55), null))
                .isInstanceOf(MachineDisturbed.class)
                .hasMessageContaining("cannot be measured again");
    }
}

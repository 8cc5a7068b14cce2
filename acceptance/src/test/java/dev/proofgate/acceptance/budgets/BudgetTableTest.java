package dev.proofgate.acceptance.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How a budget table is read and decided, on made-up measurements (no load is run). */
class BudgetTableTest {

    @Test
    void eachRowIsDecidedOnItsFigure() {
        BudgetTable table = table(Map.of("measure", "p95 latency", "limit", "at most 20 ms"),
                Map.of("measure", "throughput", "limit", "at least 1,000 per second"),
                Map.of("measure", "error rate", "limit", "at most 0.1 %"));
        Measurements measured = new Measurements()
                .with(Measure.P95_LATENCY, 25, 5_000)
                .with(Measure.THROUGHPUT, 1_200, 5_000)
                .with(Measure.ERROR_RATE, 0.0, 5_000);

        List<BudgetTable.Row> rows = table.decide(measured);

        assertThat(rows).extracting(BudgetTable.Row::decision)
                .containsExactly(BudgetTable.Decision.FAIL, BudgetTable.Decision.PASS, BudgetTable.Decision.PASS);
        assertThat(rows.get(0).reason()).isEqualTo("p95 latency 25 ms breaks the budget at most 20 ms");
    }

    /** Only what timing decides may be excused by a disturbed machine; a failed answer or memory never is. */
    @Test
    void aBreachIsTimingOnlyWhenEveryBreachedRowIsDecidedByTiming() {
        BudgetTable table = table(Map.of("measure", "p95 latency", "limit", "at most 20 ms"),
                Map.of("measure", "error rate", "limit", "at most 0 %"));
        Measurements slow = new Measurements().with(Measure.P95_LATENCY, 25, 5_000).with(Measure.ERROR_RATE, 0.0, 5_000);
        Measurements slowAndFailing = new Measurements().with(Measure.P95_LATENCY, 25, 5_000).with(Measure.ERROR_RATE, 2.0, 5_000);
        Measurements fine = new Measurements().with(Measure.P95_LATENCY, 5, 5_000).with(Measure.ERROR_RATE, 0.0, 5_000);

        assertThat(BudgetTable.timingBreachOnly(table.decide(slow), slow)).isTrue();
        assertThat(BudgetTable.timingBreachOnly(table.decide(slowAndFailing), slowAndFailing)).as("failed answers are a finding").isFalse();
        assertThat(BudgetTable.timingBreachOnly(table.decide(fine), fine)).as("nothing breached").isFalse();
        Measurements shortOfSamples = new Measurements().with(Measure.P95_LATENCY, 5, 181).with(Measure.ERROR_RATE, 0.0, 181);
        assertThat(BudgetTable.timingBreachOrTooFewSamples(table.decide(shortOfSamples), shortOfSamples))
                .as("a p95 short of samples: a slow run can explain it").isTrue();
        assertThat(BudgetTable.timingBreachOrTooFewSamples(table.decide(fine), fine)).isFalse();
        assertThat(BudgetTable.breaches(table.decide(slowAndFailing))).isEqualTo("p95 latency 25 ms breaks the budget at most 20 ms; error rate 2 % breaks the budget at most 0 %");
    }

    @Test
    void aPercentileNeedsTenSamplesBeyondIt() {
        assertThat(Measure.P50_LATENCY.minimumSamples()).isEqualTo(20);
        assertThat(Measure.P95_LATENCY.minimumSamples()).isEqualTo(200);
        assertThat(Measure.P99_LATENCY.minimumSamples()).isEqualTo(1_000);

        List<BudgetTable.Row> rows = table(Map.of("measure", "p99 latency", "limit", "at most 20 ms"))
                .decide(new Measurements().with(Measure.P99_LATENCY, 5, 999));

        assertThat(rows.get(0).decision()).isEqualTo(BudgetTable.Decision.INCONCLUSIVE);
        assertThat(rows.get(0).reason()).isEqualTo("the p99 latency needs at least 1000 samples, had 999");
    }

    @Test
    void aFigureThatCannotBeMeasuredIsInconclusive() {
        List<BudgetTable.Row> rows = table(Map.of("measure", "platform memory", "limit", "at most 256 MB"))
                .decide(new Measurements().unavailable(Measure.PLATFORM_MEMORY, "remote mode"));

        assertThat(rows.get(0).decision()).isEqualTo(BudgetTable.Decision.INCONCLUSIVE);
        assertThat(rows.get(0).reason()).isEqualTo("remote mode");
    }

    @Test
    void aFailFailsTheScenarioAndNamesTheBudget() {
        List<BudgetTable.Row> rows = table(Map.of("measure", "p50 latency", "limit", "at most 1 ms"),
                Map.of("measure", "p99 latency", "limit", "at most 1 ms"))
                .decide(new Measurements().with(Measure.P50_LATENCY, 3, 100).with(Measure.P99_LATENCY, 3, 100));

        assertThatThrownBy(() -> BudgetTable.enforce("answers", rows)).isInstanceOf(AssertionError.class)
                .hasMessage("budget breached (answers): p50 latency 3 ms breaks the budget at most 1 ms");
    }

    @Test
    void anUndecidedRowAbortsTheScenarioAsInconclusive() {
        List<BudgetTable.Row> rows = table(Map.of("measure", "p99 latency", "limit", "at most 20 ms"))
                .decide(new Measurements().with(Measure.P99_LATENCY, 3, 10));

        assertThatThrownBy(() -> BudgetTable.enforce("answers", rows)).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("INCONCLUSIVE: ");
    }

    @Test
    void aLimitInTheWrongDirectionOrUnitIsADefectOfTheFeature() {
        assertThatThrownBy(() -> table(Map.of("measure", "throughput", "limit", "at most 10 per second")))
                .hasMessage("the throughput is limited at least, not at most");
        assertThatThrownBy(() -> table(Map.of("measure", "p99 latency", "limit", "at most 10 s")))
                .hasMessage("the p99 latency is given in 'ms', not 's'");
        assertThatThrownBy(() -> table(Map.of("measure", "p42 latency", "limit", "at most 10 ms")))
                .hasMessageStartingWith("unknown measure 'p42 latency'");
    }

    @SafeVarargs
    private static BudgetTable table(Map<String, String>... rows) {
        return new BudgetTable(List.of(rows));
    }
}

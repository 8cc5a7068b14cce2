package dev.proofgate.acceptance.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How a budget table is read and decided, on made-up measurements (no load is run). */
class BudgetTableTest {

    @Test
    void eachRowIsDecidedOnItsFigure() {
        BudgetTable table = table(
                List.of("p95 latency", "at most 20 ms"),
                List.of("throughput", "at least 1,000 per second"),
                List.of("error rate", "at most 0.1 %"));
        Measurements measured = new Measurements()
                .with(Measure.P95_LATENCY, 25, 5_000)
                .with(Measure.THROUGHPUT, 1_200, 5_000)
                .with(Measure.ERROR_RATE, 0.0, 5_000);

        List<BudgetTable.Row> rows = table.decide(measured);

        assertThat(rows)
                .extracting(BudgetTable.Row::decision)
                .containsExactly(BudgetTable.Decision.FAIL, BudgetTable.Decision.PASS, BudgetTable.Decision.PASS);
        assertThat(rows.get(0).reason()).isEqualTo("p95 latency 25 ms, limit at most 20 ms (5 ms over)");
    }

    /** Only what timing decides may be excused by a disturbed machine; a failed answer or memory never is. */
    @Test
    void aBreachIsTimingOnlyWhenEveryBreachedRowIsDecidedByTiming() {
        BudgetTable table = table(List.of("p95 latency", "at most 20 ms"), List.of("error rate", "at most 0 %"));
        Measurements slow =
                new Measurements().with(Measure.P95_LATENCY, 25, 5_000).with(Measure.ERROR_RATE, 0.0, 5_000);
        Measurements slowAndFailing =
                new Measurements().with(Measure.P95_LATENCY, 25, 5_000).with(Measure.ERROR_RATE, 2.0, 5_000);
        Measurements fine =
                new Measurements().with(Measure.P95_LATENCY, 5, 5_000).with(Measure.ERROR_RATE, 0.0, 5_000);

        assertThat(BudgetTable.timingBreachOnly(table.decide(slow), slow)).isTrue();
        assertThat(BudgetTable.timingBreachOnly(table.decide(slowAndFailing), slowAndFailing))
                .as("failed answers are a finding")
                .isFalse();
        assertThat(BudgetTable.timingBreachOnly(table.decide(fine), fine))
                .as("nothing breached")
                .isFalse();
        Measurements shortOfSamples =
                new Measurements().with(Measure.P95_LATENCY, 5, 181).with(Measure.ERROR_RATE, 0.0, 181);
        assertThat(BudgetTable.timingBreachOrTooFewSamples(table.decide(shortOfSamples), shortOfSamples))
                .as("a p95 short of samples: a slow run can explain it")
                .isTrue();
        assertThat(BudgetTable.timingBreachOrTooFewSamples(table.decide(fine), fine))
                .isFalse();
        assertThat(BudgetTable.breaches(table.decide(slowAndFailing)))
                .isEqualTo("p95 latency 25 ms, limit at most 20 ms (5 ms over); "
                        + "error rate 2 %, limit at most 0 % (2 % over)");
    }

    @Test
    void aPercentileNeedsTenSamplesBeyondIt() {
        assertThat(Measure.P50_LATENCY.minimumSamples()).isEqualTo(20);
        assertThat(Measure.P95_LATENCY.minimumSamples()).isEqualTo(200);
        assertThat(Measure.P99_LATENCY.minimumSamples()).isEqualTo(1_000);

        List<BudgetTable.Row> rows = table(List.of("p99 latency", "at most 20 ms"))
                .decide(new Measurements().with(Measure.P99_LATENCY, 5, 999));

        assertThat(rows.get(0).decision()).isEqualTo(BudgetTable.Decision.INCONCLUSIVE);
        assertThat(rows.get(0).reason()).isEqualTo("the p99 latency needs at least 1000 samples, had 999");
    }

    @Test
    void aFigureThatCannotBeMeasuredIsInconclusive() {
        List<BudgetTable.Row> rows = table(List.of("platform memory", "at most 256 MB"))
                .decide(new Measurements().unavailable(Measure.PLATFORM_MEMORY, "remote mode"));

        assertThat(rows.get(0).decision()).isEqualTo(BudgetTable.Decision.INCONCLUSIVE);
        assertThat(rows.get(0).reason()).isEqualTo("remote mode");
    }

    @Test
    void aFailFailsTheScenarioAndNamesTheBudget() {
        List<BudgetTable.Row> rows = table(
                        List.of("p50 latency", "at most 1 ms"), List.of("p99 latency", "at most 1 ms"))
                .decide(new Measurements().with(Measure.P50_LATENCY, 3, 100).with(Measure.P99_LATENCY, 3, 100));

        assertThatThrownBy(() -> BudgetTable.enforce("answers", rows))
                .isInstanceOf(AssertionError.class)
                .hasMessage("budget breached (answers): p50 latency 3 ms, limit at most 1 ms (3 times over)");
    }

    @Test
    void anUndecidedRowAbortsTheScenarioAsInconclusive() {
        List<BudgetTable.Row> rows = table(List.of("p99 latency", "at most 20 ms"))
                .decide(new Measurements().with(Measure.P99_LATENCY, 3, 10));

        assertThatThrownBy(() -> BudgetTable.enforce("answers", rows))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("INCONCLUSIVE: ");
    }

    @Test
    void aLimitInTheWrongDirectionOrUnitIsADefectOfTheFeatureNamingTheRowAndColumn() {
        assertThatThrownBy(() ->
                        table(List.of("p50 latency", "at most 5 ms"), List.of("throughput", "at most 10 per second")))
                .hasMessage("budget row 2 | throughput | at most 10 per second |, column 'limit':"
                        + " the measure 'throughput' is limited 'at least', not 'at most'");
        assertThatThrownBy(() -> table(List.of("p99 latency", "at most 10 minutes")))
                .hasMessage("budget row 1 | p99 latency | at most 10 minutes |, column 'limit':"
                        + " the measure 'p99 latency' is given in 'ms' or 's', not 'minutes'");
        assertThatThrownBy(() -> table(List.of("p99 latency", "10 ms")))
                .hasMessage(
                        "budget row 1 | p99 latency | 10 ms |, column 'limit': expected 'at most' and an amount in 'ms' or 's',"
                                + " such as 'at most 20 ms'; got '10 ms'");
    }

    @Test
    void anUnknownMeasureListsTheMeasuresOfTheStep() {
        assertThatThrownBy(() -> table(List.of("p42 latency", "at most 10 ms")))
                .hasMessage("budget row 1 | p42 latency | at most 10 ms |, column 'measure':"
                        + " 'p42 latency' is not a measure this table takes; it takes: p50 latency, p95 latency, p99 latency,"
                        + " throughput, error rate, platform memory, memory growth, sustainable concurrency");
        assertThatThrownBy(() -> BudgetTable.read(
                        List.of(List.of("measure", "limit"), List.of("p50 latency", "at most 1 s")),
                        Measure.Kind.ANSWER_TIME))
                .hasMessageEndingWith("it takes: p50 time from asking to answer, p95 time from asking to answer,"
                        + " p99 time from asking to answer");
    }

    @Test
    void aTableOfAnotherShapeIsRefusedByItsHeader() {
        assertThatThrownBy(() -> BudgetTable.read(
                        List.of(List.of("percentile", "at most"), List.of("p50", "200 ms")), Measure.Kind.LOAD))
                .hasMessage("a budget table has the header | measure | limit |; this one has | percentile | at most |");
        assertThatThrownBy(() -> BudgetTable.read(List.of(), Measure.Kind.LOAD))
                .hasMessage("the step takes a budget table with the header | measure | limit | under it, and has none");
        assertThatThrownBy(() -> BudgetTable.read(List.of(List.of("measure", "limit")), Measure.Kind.LOAD))
                .hasMessage("a budget table needs at least one row under its header | measure | limit |");
    }

    @Test
    void aDurationIsReadInMillisecondsOrSecondsAndACountWithoutAUnit() {
        Budget halfASecond = Budget.read(
                "worker pool back at full strength", "at most 0.5 s", Measure.Kind.RECOVERY.measures(), "row");
        assertThat(halfASecond.limit()).isEqualTo(500);
        assertThat(halfASecond.limitText()).isEqualTo("at most 0.5 s");
        assertThat(halfASecond.duration()).hasMillis(500);
        assertThat(Budget.read("p95 latency", "at most 20 ms", Measure.Kind.LOAD.measures(), "row")
                        .limit())
                .isEqualTo(20);
        assertThat(Budget.read("lost", "at most 0", Measure.Kind.LEDGER.measures(), "row")
                        .limit())
                .isZero();
        List<Measure> ledger = Measure.Kind.LEDGER.measures();
        assertThatThrownBy(() -> Budget.read("lost", "at most 0 ms", ledger, "budget row 2 | lost | at most 0 ms |"))
                .hasMessage("budget row 2 | lost | at most 0 ms |, column 'limit':"
                        + " the measure 'lost' is given in no unit (a count), not 'ms'");
    }

    /** A missed budget says by how much, in the measure's one unit. */
    @Test
    void aMissedBudgetSaysByHowMuchInOneUnit() {
        List<Measure> recovery = Measure.Kind.RECOVERY.measures();
        assertThat(Budget.read("worker pool back at full strength", "at most 1 ms", recovery, "row")
                        .missedBy(58))
                .isEqualTo("worker pool back at full strength took 58 ms, limit at most 1 ms (58 times over)");
        assertThat(Budget.read("ready again after the fault", "at most 0.5 s", recovery, "row")
                        .missedBy(620))
                .isEqualTo("ready again after the fault took 620 ms, limit at most 500 ms (120 ms over)");
        assertThat(Budget.read("lost", "at most 0", Measure.Kind.LEDGER.measures(), "row")
                        .missedBy(3))
                .isEqualTo("lost 3, limit at most 0 (3 over)");
        assertThat(Budget.read("throughput", "at least 500 per second", Measure.Kind.LOAD.measures(), "row")
                        .missedBy(320))
                .isEqualTo("throughput 320 per second, limit at least 500 per second (180 per second short)");
        assertThat(Budget.read(
                                "p95 time from asking to answer",
                                "at most 2 s",
                                Measure.Kind.ANSWER_TIME.measures(),
                                "row")
                        .missedBy(2_400))
                .isEqualTo("p95 time from asking to answer 2,400 ms, limit at most 2,000 ms (400 ms over)");
    }

    @SafeVarargs
    private static BudgetTable table(List<String>... rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("measure", "limit"));
        cells.addAll(List.of(rows));
        return BudgetTable.read(cells, Measure.Kind.LOAD);
    }
}

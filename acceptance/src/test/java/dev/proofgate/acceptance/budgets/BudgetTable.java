package dev.proofgate.acceptance.budgets;

import dev.proofgate.gate.support.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * A budget table decided row by row: PASS, FAIL, or INCONCLUSIVE when the evidence cannot decide
 * (too few samples for the percentile, a figure that could not be measured, a disturbed run).
 *
 * <p>{@link #enforce} attaches the table with the measured values to the step, then fails the
 * scenario on any FAIL (an AssertionError naming the budget: NO-GO on a blocker or critical
 * scenario), and otherwise aborts it on any INCONCLUSIVE with a message starting "INCONCLUSIVE:".
 * An aborted scenario is reported as skipped, which the readiness verdict counts as not run: it
 * blocks GO without claiming a defect.
 */
public final class BudgetTable {

    public enum Decision {
        PASS,
        FAIL,
        INCONCLUSIVE
    }

    public record Row(Budget budget, String measured, long samples, Decision decision, String reason) {
        /** Undecided only because a slow run gave fewer samples than the percentile needs. */
        public boolean tooFewSamples() {
            return decision == Decision.INCONCLUSIVE
                    && budget.measure().isPercentile()
                    && samples < budget.measure().minimumSamples();
        }
    }

    private final List<Budget> budgets;

    private BudgetTable(List<Budget> budgets) {
        this.budgets = List.copyOf(budgets);
    }

    /**
     * The budgets a step was given, each a measure of the step's {@code kind}; a table that is empty or
     * names a measure the step does not measure is a defect of the feature.
     */
    public static BudgetTable of(List<Budget> budgets, Measure.Kind kind) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("a budget table needs at least one row under its header | "
                    + Budget.MEASURE + " | " + Budget.LIMIT + " |");
        }
        for (Budget budget : budgets) {
            if (budget.measure().kind() != kind) {
                throw Budget.notAmong(budget.measure().words(), kind.measures(), "budget row " + budget.row());
            }
        }
        return new BudgetTable(budgets);
    }

    /**
     * Reads a table as the feature wrote it, header first, for a step that measures {@code kind}: the
     * message of a row that cannot be read gives its number (1 is the first row under the header).
     */
    public static BudgetTable read(List<List<String>> cells, Measure.Kind kind) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("the step takes a budget table with the header | " + Budget.MEASURE
                    + " | " + Budget.LIMIT + " | under it, and has none");
        }
        List<String> header = cells.get(0).stream().map(String::trim).toList();
        if (!header.equals(List.of(Budget.MEASURE, Budget.LIMIT))) {
            throw new IllegalArgumentException("a budget table has the header | " + Budget.MEASURE + " | "
                    + Budget.LIMIT + " |; this one has " + row(header));
        }
        List<Budget> budgets = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            List<String> cellsOfRow = cells.get(i);
            budgets.add(Budget.read(
                    cellsOfRow.get(0), cellsOfRow.get(1), kind.measures(), "budget row " + i + " " + row(cellsOfRow)));
        }
        return of(budgets, kind);
    }

    private static String row(List<String> cells) {
        return cells.stream().map(String::trim).collect(Collectors.joining(" | ", "| ", " |"));
    }

    public List<Budget> budgets() {
        return budgets;
    }

    public List<Row> decide(Measurements measurements) {
        List<Row> rows = new ArrayList<>();
        for (Budget budget : budgets) {
            rows.add(decide(budget, measurements));
        }
        return rows;
    }

    private static Row decide(Budget budget, Measurements measurements) {
        Measure measure = budget.measure();
        var figure = measurements.figure(measure);
        if (figure.isEmpty()) {
            return new Row(budget, "not measured", 0, Decision.INCONCLUSIVE, measurements.whyUnavailable(measure));
        }
        String measured = budget.amount(figure.get().value());
        long samples = figure.get().samples();
        if (measure.isLatencyOrRate() && measurements.disturbance().isPresent()) {
            return new Row(
                    budget,
                    measured,
                    samples,
                    Decision.INCONCLUSIVE,
                    measurements.disturbance().get());
        }
        if (samples < measure.minimumSamples()) {
            return new Row(
                    budget,
                    measured,
                    samples,
                    Decision.INCONCLUSIVE,
                    "the " + measure.words() + " needs at least " + measure.minimumSamples()
                            + (measure == Measure.ERROR_RATE ? " attempts" : " samples") + ", had " + samples);
        }
        if (budget.holds(figure.get().value())) {
            return new Row(budget, measured, samples, Decision.PASS, "within budget");
        }
        return new Row(
                budget,
                measured,
                samples,
                Decision.FAIL,
                budget.missedBy(figure.get().value()));
    }

    /**
     * The rows breach only where timing decides (latency, throughput, and an error rate made only of
     * arrivals never started behind slow answers): a breach the machine's disturbance can explain. A
     * breach of any other row (failed answers, memory) is a finding whatever the machine.
     */
    public static boolean timingBreachOnly(List<Row> rows, Measurements measurements) {
        List<Row> failed =
                rows.stream().filter(r -> r.decision() == Decision.FAIL).toList();
        return !failed.isEmpty()
                && failed.stream()
                        .allMatch(r -> r.budget().measure().isTiming()
                                || r.budget().measure() == Measure.ERROR_RATE
                                        && measurements.errorsAreMissedStartsOnly());
    }

    /**
     * As {@link #timingBreachOnly}, or nothing breached but a percentile undecided for want of samples:
     * a slow run gives fewer answers, so a disturbed machine can explain that too.
     */
    public static boolean timingBreachOrTooFewSamples(List<Row> rows, Measurements measurements) {
        boolean anyFail = rows.stream().anyMatch(r -> r.decision() == Decision.FAIL);
        return anyFail ? timingBreachOnly(rows, measurements) : rows.stream().anyMatch(Row::tooFewSamples);
    }

    /** The breached rows (and percentiles short of samples) in one line: "p95 latency 128 ms, limit at most 100 ms (28 ms over); ...". */
    public static String breaches(List<Row> rows) {
        List<String> failed = rows.stream()
                .filter(r -> r.decision() == Decision.FAIL || r.tooFewSamples())
                .map(Row::reason)
                .toList();
        return failed.isEmpty() ? "no breach" : String.join("; ", failed);
    }

    /** Attaches the decided table to the running step, then fails, aborts or returns (see the class comment). */
    public static void enforce(String what, List<Row> rows) {
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("measure", row.budget().measure().words());
            line.put("limit", row.budget().limitText());
            line.put("measured", row.measured());
            line.put("samples", row.samples());
            line.put("verdict", row.decision());
            line.put("reason", row.reason());
            table.add(line);
        }
        Evidence.rows("budget: " + what, table);
        List<String> failed = rows.stream()
                .filter(r -> r.decision() == Decision.FAIL)
                .map(Row::reason)
                .toList();
        if (!failed.isEmpty()) {
            throw new AssertionError("budget breached (" + what + "): " + String.join("; ", failed));
        }
        List<String> undecided = rows.stream()
                .filter(r -> r.decision() == Decision.INCONCLUSIVE)
                .map(r -> r.budget().measure().words() + ": " + r.reason())
                .toList();
        if (!undecided.isEmpty()) {
            throw new TestAbortedException(
                    "INCONCLUSIVE: the budget for " + what + " cannot be decided: " + String.join("; ", undecided));
        }
    }
}

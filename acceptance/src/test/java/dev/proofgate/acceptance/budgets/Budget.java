package dev.proofgate.acceptance.budgets;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One row of a budget table, {@code | measure | limit |}: a measure and its limit, written "at most
 * 20 ms", "at most 0.5 s", "at least 500 per second" or "at most 0" (a count). The limit is kept in
 * the measure's unit (a duration in ms); {@code limitText} is the limit as the feature wrote it.
 */
public record Budget(Measure measure, double limit, String limitText) {

    public static final String MEASURE = "measure";
    public static final String LIMIT = "limit";

    private static final Pattern LIMIT_WORDS =
            Pattern.compile("(at most|at least)\\s+([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(.*)");

    /**
     * Reads a row of a table with the columns {@code measure} and {@code limit}, among the {@code known}
     * measures; a row that cannot be read is a defect of the feature, and the message names the row,
     * the column and what was expected.
     */
    public static Budget read(Map<String, String> row, List<Measure> known) {
        if (!row.containsKey(MEASURE) || !row.containsKey(LIMIT)) {
            throw new IllegalArgumentException("a budget table has the header | " + MEASURE + " | " + LIMIT
                    + " |; this one has " + cells(row.keySet()));
        }
        // an empty cell arrives as null
        String measureText = Objects.requireNonNullElse(row.get(MEASURE), "");
        String limitText = Objects.requireNonNullElse(row.get(LIMIT), "");
        return read(measureText, limitText, known, "budget row " + cells(List.of(measureText, limitText)));
    }

    /** As {@link #read(Map, List)}, from the two cells; {@code row} names the row in a message. */
    public static Budget read(String measureText, String limitText, List<Measure> known, String row) {
        Measure measure = Measure.named(measureText, known).orElseThrow(() -> notAmong(measureText, known, row));
        String limit = limitText.trim();
        String expected = "expected '" + measure.bound().words() + "' and an amount in "
                + measure.unitKind().accepted() + ", such as '" + example(measure) + "'";
        Matcher m = LIMIT_WORDS.matcher(limit.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(row + ", column '" + LIMIT + "': " + expected + "; got '" + limit + "'");
        }
        if (!m.group(1).equals(measure.bound().words())) {
            throw new IllegalArgumentException(row + ", column '" + LIMIT + "': the measure '" + measure.words()
                    + "' is limited '" + measure.bound().words() + "', not '" + m.group(1) + "'");
        }
        double factor = measure.unitKind().factor(m.group(3).trim());
        if (factor == 0) {
            throw new IllegalArgumentException(row + ", column '" + LIMIT + "': the measure '" + measure.words()
                    + "' is given in " + measure.unitKind().accepted() + ", not '"
                    + m.group(3).trim() + "'");
        }
        return new Budget(measure, Double.parseDouble(m.group(2).replace(",", "")) * factor, limit);
    }

    /** A measure the table does not take: names the row, the column and the measures it takes. */
    static IllegalArgumentException notAmong(String measureText, List<Measure> known, String row) {
        return new IllegalArgumentException(row + ", column '" + MEASURE + "': '" + measureText.trim()
                + "' is not a measure this table takes; it takes: " + words(known));
    }

    /** The row as the feature wrote it: "| p95 latency | at most 20 ms |". */
    public String row() {
        return "| " + measure.words() + " | " + limitText + " |";
    }

    /** The limit of a duration measure as a duration. */
    public Duration duration() {
        if (measure.unitKind() != Measure.Unit.DURATION) {
            throw new IllegalStateException("the " + measure.words() + " is not a duration");
        }
        return Duration.ofNanos(Math.round(limit * 1e6));
    }

    public boolean holds(double measured) {
        return measure.bound() == Measure.Bound.AT_MOST ? measured <= limit : measured >= limit;
    }

    /** The limit in the measure's unit: "at most 500 ms" for a limit written "at most 0.5 s". */
    public String limitInUnit() {
        return measure.bound().words() + " " + amount(limit);
    }

    /** A figure of this budget's measure with its unit: "58 ms", "3", "1,200 per second". */
    public String amount(double value) {
        return format(value) + (measure.unit().isEmpty() ? "" : " " + measure.unit());
    }

    /**
     * A measured figure against the limit, in one unit, and by how much it missed:
     * "worker pool back at full strength took 58 ms, limit at most 1 ms (58 times over)".
     */
    public String missedBy(double measured) {
        String figure = measure.words()
                + (measure.unitKind() == Measure.Unit.DURATION && !measure.isPercentile() ? " took " : " ")
                + amount(measured);
        return figure + ", limit " + limitInUnit() + " (" + shortfall(measured) + ")";
    }

    private String shortfall(double measured) {
        if (measure.bound() == Measure.Bound.AT_MOST) {
            return limit > 0 && measured / limit >= 2
                    ? format(measured / limit) + " times over"
                    : amount(measured - limit) + " over";
        }
        return amount(limit - measured) + " short";
    }

    /** A number as a budget shows it: whole numbers with thousands separators, others to three significant figures or so. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(
                Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String example(Measure measure) {
        return measure.bound().words() + " "
                + (measure.unitKind() == Measure.Unit.COUNT ? "0" : "20 " + measure.unit());
    }

    private static String words(List<Measure> measures) {
        return measures.stream().map(Measure::words).collect(Collectors.joining(", "));
    }

    private static String cells(java.util.Collection<String> cells) {
        return cells.stream().collect(Collectors.joining(" | ", "| ", " |"));
    }
}

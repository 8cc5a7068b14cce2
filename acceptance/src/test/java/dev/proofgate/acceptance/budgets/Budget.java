package dev.proofgate.acceptance.budgets;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of a budget table: a measure and its limit ("at most 20 ms", "at least 500 per second"). */
public record Budget(Measure measure, double limit, String limitText) {

    private static final Pattern LIMIT = Pattern.compile("(at most|at least)\\s+([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(.+)");

    /** Reads a row with the columns {@code measure} and {@code limit}; a row that cannot be read is a defect of the feature. */
    public static Budget from(Map<String, String> row) {
        String measureText = row.get("measure");
        String limitText = row.get("limit");
        if (measureText == null || limitText == null) {
            throw new IllegalArgumentException("a budget table needs the columns 'measure' and 'limit'; got " + row.keySet());
        }
        Measure measure = Measure.named(measureText);
        Matcher m = LIMIT.matcher(limitText.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("budget limit '" + limitText + "' must read like '" + measure.bound().words() + " 20 " + measure.unit() + "'");
        }
        if (!m.group(1).equals(measure.bound().words())) {
            throw new IllegalArgumentException("the " + measure.words() + " is limited " + measure.bound().words() + ", not " + m.group(1));
        }
        if (!m.group(3).trim().equals(measure.unit().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the " + measure.words() + " is given in '" + measure.unit() + "', not '" + m.group(3).trim() + "'");
        }
        return new Budget(measure, Double.parseDouble(m.group(2).replace(",", "")), limitText.trim());
    }

    public boolean holds(double measured) {
        return measure.bound() == Measure.Bound.AT_MOST ? measured <= limit : measured >= limit;
    }
}

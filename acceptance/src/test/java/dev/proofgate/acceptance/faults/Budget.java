package dev.proofgate.acceptance.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a budget table a product owner edits in the Gherkin: a measure and the most it may be,
 * a duration ({@code 0.5 s}, {@code 500 ms}) or a count ({@code 0}). A limit that does not read as either
 * is a defect of the feature and fails naming the line.
 */
public record Budget(String measure, String limit) {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");
    private static final Pattern COUNT = Pattern.compile("\\d+");

    public Duration duration() {
        Matcher matcher = DURATION.matcher(limit.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the budget for '" + measure + "' must be a duration such as '0.5 s' or '500 ms', not '" + limit + "'");
        }
        double amount = Double.parseDouble(matcher.group(1));
        return Duration.ofNanos(Math.round(amount * ("ms".equals(matcher.group(2)) ? 1e6 : 1e9)));
    }

    public long count() {
        if (!COUNT.matcher(limit.trim()).matches()) {
            throw new IllegalArgumentException("the budget for '" + measure + "' must be a whole number, not '" + limit + "'");
        }
        return Long.parseLong(limit.trim());
    }
}

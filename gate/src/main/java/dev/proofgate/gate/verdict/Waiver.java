package dev.proofgate.gate.verdict;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product owner's acceptance of a known failure, written in the feature as
 * {@code @waiver=<ticket>:<YYYY-MM-DD>}: valid through the given day (UTC). A waived failure is an
 * accepted risk; an expired waiver counts as none.
 */
public record Waiver(String ticket, LocalDate until) {

    static final String TAG = "@waiver=";
    private static final Pattern SHAPE =
            Pattern.compile("@waiver=([A-Za-z0-9][A-Za-z0-9._#/-]*):(\\d{4}-\\d{2}-\\d{2})");

    /** The scenario's waiver, empty when it has none; a malformed waiver tag is a suite defect. */
    public static Optional<Waiver> from(List<String> tags) {
        for (String tag : tags) {
            if (tag.startsWith(TAG)) {
                Matcher matcher = SHAPE.matcher(tag);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("malformed waiver tag '" + tag
                            + "': write @waiver=<ticket>:<YYYY-MM-DD>, e.g. @waiver=PG-42:2026-12-31");
                }
                try {
                    return Optional.of(new Waiver(matcher.group(1), LocalDate.parse(matcher.group(2))));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "malformed waiver tag '" + tag + "': " + matcher.group(2) + " is not a date (YYYY-MM-DD)");
                }
            }
        }
        return Optional.empty();
    }

    public boolean validOn(LocalDate day) {
        return !day.isAfter(until);
    }

    public String describe() {
        return ticket + ", until " + until;
    }
}

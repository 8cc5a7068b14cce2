package dev.proofgate.acceptance.contracts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three values that decide whether a limit holds: the limit itself, one step inside and one
 * step outside. A step is 1 for whole numbers, 0.01 for numbers with a fraction, one character
 * (a code point, so an emoji is one) for texts and one item for lists.
 */
public record LimitProbe(String type, String limit, BigDecimal value, String script) {

    /** One value to try, as a plain value (a number, a text or a list), and whether the limit allows it. */
    public record Attempt(String which, Object value, boolean allowed) {

        /** The value as JSON text, cut to 60 characters for tables and messages. */
        public String shown() {
            String text = Documents.text(value);
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }

    private static final BigDecimal FRACTION_STEP = new BigDecimal("0.01");
    private static final Map<String, String> SCRIPTS =
            Map.of("letters", "a", "emoji", "😀", "accents", "é", "Japanese", "語");

    public List<Attempt> attempts() {
        boolean lower = limit.startsWith("min");
        int direction = lower ? 1 : -1;
        return List.of(
                new Attempt("the limit itself", at(value), true),
                new Attempt("one step inside", at(step(direction)), true),
                new Attempt("one step outside", at(step(-direction)), false));
    }

    private BigDecimal step(int direction) {
        BigDecimal step = wholeSteps() ? BigDecimal.ONE : FRACTION_STEP;
        return value.add(step.multiply(BigDecimal.valueOf(direction)));
    }

    private boolean wholeSteps() {
        return !(type.contains(":float") || type.contains(":confidence_score")) || limit.endsWith("Length");
    }

    private Object at(BigDecimal point) {
        if (limit.endsWith("Length")) {
            int size = point.intValueExact();
            if (type.contains(":list")) {
                List<Integer> list = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    list.add(i);
                }
                return list;
            }
            String unit = SCRIPTS.get(script == null ? "letters" : script);
            if (unit == null) {
                throw new IllegalArgumentException(
                        "texts are written in one of " + SCRIPTS.keySet() + ", not '" + script + "'");
            }
            return unit.repeat(size);
        }
        return type.contains(":integer") ? (Object) point.longValueExact() : point;
    }
}

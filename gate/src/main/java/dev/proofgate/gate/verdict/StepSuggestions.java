package dev.proofgate.gate.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Did you mean ...?" for a step no definition matches: ranks the suite's step expressions by how
 * close their wording is to the step's text. Quoted values and numbers in the text and the
 * parameters in the expressions ({string}, {int} ...) are compared as placeholders, so a step is
 * judged by its words, not by the example values a product owner chose. Written here rather than
 * taken from a library because it is one edit-distance function over a few dozen short lines.
 */
final class StepSuggestions {

    private static final double CLOSE_ENOUGH = 0.55;

    private StepSuggestions() {}

    static List<String> closest(String stepText, List<String> expressions, int limit) {
        String wanted = normaliseText(stepText);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (String expression : expressions) {
            scored.add(Map.entry(expression, similarity(wanted, normaliseExpression(expression))));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        double best = scored.isEmpty() ? 0 : scored.get(0).getValue();
        return scored.stream()
                .filter(entry -> entry.getValue() >= Math.max(CLOSE_ENOUGH, best - 0.15))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    static String normaliseText(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("\"[^\"]*\"", "\u0001")
                .replaceAll("-?\\d+(\\.\\d+)?", "\u0002")
                .trim();
    }

    static String normaliseExpression(String expression) {
        return expression
                .toLowerCase(Locale.ROOT)
                .replaceAll("^\\^|\\$$", "")
                .replace("{string}", "\u0001")
                .replaceAll("\\{(int|float|double|long|bigdecimal|biginteger|byte|short)}", "\u0002")
                .replaceAll("\\{[^}]*}", "\u0003")
                .trim();
    }

    static double similarity(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1 : 1.0 - (double) distance(a, b) / longest;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

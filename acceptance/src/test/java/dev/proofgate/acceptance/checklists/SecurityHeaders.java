package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The security headers every kind of answer must carry, compared with what each answer carried. */
public final class SecurityHeaders {

    /** One row per header with its value on each kind of answer (for the evidence), and every header missing or wrong. */
    public record Comparison(List<Map<String, Object>> table, List<String> missing) {}

    private SecurityHeaders() {}

    public static Comparison compare(List<Map<String, String>> expected, Map<String, HttpAnswer> answers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map<String, String> header : expected) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("header", header.get("header"));
            answers.forEach((kind, answer) -> {
                String value = answer.header(header.get("header"));
                row.put(kind, value == null ? "(absent)" : value);
                if (!header.get("value").equals(value)) {
                    missing.add(
                            kind + ": " + header.get("header") + " is " + (value == null ? "absent" : "'" + value + "'")
                                    + ", expected '" + header.get("value") + "'");
                }
            });
            rows.add(row);
        }
        return new Comparison(rows, missing);
    }
}

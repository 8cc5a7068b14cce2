package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.support.PublishedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field left out, given as null and given a value, and the table that says which of these a schema
 * must accept: one row per field, a column per treatment, each cell "accepted" or "rejected".
 */
public final class FieldTreatments {

    public static final List<String> TREATMENTS = List.of("left out", "given as null", "given a value");

    /** One treated output as judged by the published schema: the evidence row, and what was wrong, or null. */
    public record Judged(Map<String, Object> row, String wrong) {}

    private FieldTreatments() {}

    /** The document with the field treated one way; "given a value" sets the value. */
    public static void treat(ObjectNode document, String field, String treatment, JsonNode value) {
        switch (treatment) {
            case "left out" -> document.remove(field);
            case "given as null" -> document.putNull(field);
            default -> document.set(field, value);
        }
    }

    /** Whether the table accepts the treatment of its row's field. */
    public static boolean accepted(Map<String, String> expected, String treatment) {
        String verdict = expected.get(treatment);
        if (!"accepted".equals(verdict) && !"rejected".equals(verdict)) {
            throw new IllegalArgumentException("the table says '" + verdict + "' for '" + expected.get("field") + " "
                    + treatment + "'; write accepted or rejected");
        }
        return "accepted".equals(verdict);
    }

    /** Every output the table names, treated each way in a copy of one adapter's outputs, and judged by the published schema. */
    public static List<Judged> outputs(
            PublishedSchema schema, String adapter, JsonNode outputs, List<Map<String, String>> expectations) {
        List<Judged> judged = new ArrayList<>();
        for (Map<String, String> expected : expectations) {
            String field = expected.get("field");
            for (String treatment : TREATMENTS) {
                ObjectNode treated = outputs.deepCopy();
                treat(treated, field, treatment, outputs.get(field));
                List<String> problems = schema.problems(treated);
                boolean allowed = accepted(expected, treatment);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("adapter", adapter);
                row.put("output", field + " " + treatment);
                row.put("expected", allowed ? "accepted" : "rejected");
                row.put(
                        "published output schema",
                        problems.isEmpty() ? "accepts" : "rejects: " + String.join("; ", problems));
                String wrong = problems.isEmpty() == allowed
                        ? null
                        : adapter + ": " + field + " " + treatment + " is " + (allowed ? "rejected" : "accepted");
                judged.add(new Judged(row, wrong));
            }
        }
        return judged;
    }
}

package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A signature written as a table a product owner can edit (side, field, type, limits such as
 * "min 0, max 10"), turned into the signature language and the constraints beside it.
 */
public record SignatureTable(String definition, ObjectNode constraints) {

    /** The limits as plain values, for a driver to send beside the definition. */
    public Map<String, Object> limits() {
        return Documents.plain(constraints);
    }

    public static SignatureTable of(String name, List<Map<String, String>> rows) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        ObjectNode constraints = JsonNodeFactory.instance.objectNode();
        for (Map<String, String> row : rows) {
            String field = row.get("field").trim();
            String declaration = row.get("type").trim() + " " + field;
            switch (row.get("side").trim()) {
                case "input" -> inputs.add(declaration);
                case "output" -> outputs.add(declaration);
                default ->
                    throw new IllegalArgumentException("side must be input or output, not '" + row.get("side") + "'");
            }
            String limits = row.get("limits");
            if (limits != null && !limits.isBlank()) {
                ObjectNode fieldLimits = constraints.putObject(field);
                for (String limit : limits.split(",")) {
                    String[] parts = limit.trim().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(
                                "a limit reads like 'min 0' or 'maxLength 40', not '" + limit.trim() + "'");
                    }
                    BigDecimal value = new BigDecimal(parts[1]);
                    if (value.scale() <= 0) {
                        fieldLimits.put(parts[0], value.longValueExact());
                    } else {
                        fieldLimits.put(parts[0], value);
                    }
                }
            }
        }
        String definition =
                "signature " + name + ":\n  " + String.join(", ", inputs) + "\n  -> " + String.join(", ", outputs);
        return new SignatureTable(definition, constraints);
    }
}

package dev.proofgate.acceptance.contracts;

import dev.proofgate.acceptance.drivers.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated input tried on the published schema and on the platform: what each said, and the
 * executions the platform accepted for it, by adapter.
 */
public record Trial(InputSample sample, List<String> schemaProblems, Rejection rejection, Map<String, String> executionIds) {

    public static Trial of(InputSample sample, List<String> schemaProblems, Rejection rejection) {
        return new Trial(sample, schemaProblems, rejection, new LinkedHashMap<>());
    }

    public boolean schemaAccepts() {
        return schemaProblems.isEmpty();
    }

    public boolean platformAccepts() {
        return rejection == null;
    }

    /** The field the platform's rejection names, or "" when it accepted. */
    public String fieldNamed() {
        return rejection == null ? "" : String.valueOf(rejection.detail("field"));
    }

    /** A rejection names the broken field itself, or an item of it ("readings[2]"). */
    public boolean namesTheField() {
        String named = fieldNamed();
        String field = sample.field();
        return field != null && (named.equals(field) || named.startsWith(field + "["));
    }

    /** Why this trial is a disagreement, or null when schema, platform and generator agree. */
    public String disagreement() {
        if (schemaAccepts() != platformAccepts()) {
            return "the published schema " + (schemaAccepts() ? "accepts" : "rejects") + " it, the platform "
                    + (platformAccepts() ? "accepts" : "rejects") + " it";
        }
        if (!sample.meantValid() && schemaAccepts()) {
            return "it breaks a declared rule, yet the published schema and the platform accept it";
        }
        if (sample.meantValid() && !schemaAccepts()) {
            return "it keeps every declared rule, yet the published schema and the platform reject it";
        }
        if (!platformAccepts() && !sample.meantValid() && !namesTheField()) {
            return "the rejection names '" + fieldNamed() + "' instead of '" + sample.field() + "'";
        }
        return null;
    }

    public Map<String, Object> row(int number) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("#", number);
        row.put("input", sample.meantValid() ? "valid: " + sample.label() : "breaks " + sample.label());
        row.put("published schema", schemaAccepts() ? "accepts" : "rejects");
        row.put("platform", platformAccepts() ? "accepts" : "rejects: " + rejection.reason());
        row.put("field named", fieldNamed());
        String disagreement = disagreement();
        row.put("agree", disagreement == null ? "yes" : "NO: " + disagreement);
        return row;
    }
}

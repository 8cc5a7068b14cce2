package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.support.PublishedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One generated input tried on the published schema and on the platform: what each said, and the
 * executions the platform accepted for it, by adapter.
 */
public record Trial(
        InputSample sample, List<String> schemaProblems, Rejection rejection, Map<String, String> executionIds) {

    /** The adapters every accepted input runs on. */
    public static final List<String> ADAPTERS = List.of("native", "python_port");

    /** One execution of this input checked against the published output schema: the evidence row, and the problem, or null. */
    public record CheckedOutput(Map<String, Object> row, String problem) {}

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

    /** Each execution of this input, as it finished, checked against the published output schema. */
    public List<CheckedOutput> checkOutputs(Function<String, Execution> finished, PublishedSchema outputSchema) {
        List<CheckedOutput> checked = new ArrayList<>();
        for (Map.Entry<String, String> run : executionIds.entrySet()) {
            Execution execution = finished.apply(run.getValue());
            List<String> complaints = execution.completed()
                    ? outputSchema.problems(execution.outputs())
                    : List.of("did not complete: " + execution.error());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", sample.label());
            row.put("adapter", run.getKey());
            row.put("status", execution.status());
            row.put("output schema", complaints.isEmpty() ? "accepts" : String.join("; ", complaints));
            String problem = complaints.isEmpty()
                    ? null
                    : run.getKey() + " on '" + sample.label() + "' " + sample.inputs() + ": " + complaints;
            checked.add(new CheckedOutput(row, problem));
        }
        return checked;
    }

    /** Whether this input ran on every adapter. */
    public boolean ranOnEveryAdapter() {
        return executionIds.keySet().containsAll(ADAPTERS);
    }

    /** How the adapters' outputs for this input differ, as an evidence row; empty when they agree. */
    public Optional<Map<String, Object>> outputDifference(Function<String, Execution> finished) {
        JsonNode nativeOutputs = finished.apply(executionIds.get("native")).outputs();
        JsonNode pythonOutputs = finished.apply(executionIds.get("python_port")).outputs();
        if (nativeOutputs.equals(pythonOutputs)) {
            return Optional.empty();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("input", sample.label());
        row.put("native", nativeOutputs.toString());
        row.put("python_port", pythonOutputs.toString());
        return Optional.of(row);
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

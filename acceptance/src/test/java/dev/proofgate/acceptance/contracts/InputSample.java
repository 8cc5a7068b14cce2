package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated set of inputs: what the generator meant it to be (valid, or breaking one rule of one
 * field), in words for the evidence table, and the document itself.
 *
 * @param field the field the broken rule belongs to ("$" for the document as a whole), null when valid
 */
public record InputSample(String label, boolean meantValid, String field, JsonNode inputs) {

    /** The inputs as plain values, for a driver to send: usually a map, but a sample that breaks the document's shape is not. */
    public Object values() {
        return Documents.value(inputs);
    }

    /** The inputs as JSON text, for evidence. */
    public String text() {
        return inputs.toString();
    }

    /** A copy whose field is treated one way: "left out", "given as null", or given the value it has here. */
    public InputSample treated(String treatedField, String treatment) {
        ObjectNode copy = (ObjectNode) inputs.deepCopy();
        FieldTreatments.treat(copy, treatedField, treatment, inputs.get(treatedField));
        return new InputSample(label, meantValid, field, copy);
    }

    /** The same inputs, meant to break one rule of one field. */
    public InputSample breaking(String brokenField, String rule) {
        return breaking(brokenField, rule, inputs);
    }

    public static InputSample valid(String label, JsonNode inputs) {
        return new InputSample(label, true, null, inputs);
    }

    public static InputSample breaking(String field, String rule, JsonNode inputs) {
        return new InputSample(field + ": " + rule, false, field, inputs);
    }
}

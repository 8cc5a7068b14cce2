package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One generated set of inputs: what the generator meant it to be (valid, or breaking one rule of one
 * field), in words for the evidence table, and the document itself.
 *
 * @param field the field the broken rule belongs to ("$" for the document as a whole), null when valid
 */
public record InputSample(String label, boolean meantValid, String field, JsonNode inputs) {

    public static InputSample valid(String label, JsonNode inputs) {
        return new InputSample(label, true, null, inputs);
    }

    public static InputSample breaking(String field, String rule, JsonNode inputs) {
        return new InputSample(field + ": " + rule, false, field, inputs);
    }
}

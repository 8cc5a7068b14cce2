package dev.proofgate.acceptance.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A :reasoning_chain output read as its steps: each with its number and its explanation. */
public record ReasoningChain(List<Step> steps, String text) {

    /** One step of the chain; its number is null when the step is not numbered with a whole number. */
    public record Step(Integer number, String reasoning, String text) {}

    public static ReasoningChain of(JsonNode output) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : output) {
            JsonNode number = step.path("step");
            steps.add(new Step(
                    number.isIntegralNumber() ? number.asInt() : null,
                    step.path("reasoning").asText(),
                    step.toString()));
        }
        return new ReasoningChain(steps, output.toString());
    }
}

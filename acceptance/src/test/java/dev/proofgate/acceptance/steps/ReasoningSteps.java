package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Then;

/** How an answer shows the reasoning behind it. */
public final class ReasoningSteps {

    private final ReadinessWorld world;

    public ReasoningSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Then("the reasoning has at least {int} steps, each numbered and explained")
    public void theReasoningHasSteps(int minimum) {
        JsonNode chain = outputs().path("reasoning");
        assertThat(chain.size()).as("steps in the reasoning chain %s", chain).isGreaterThanOrEqualTo(minimum);
        int expected = 1;
        for (JsonNode step : chain) {
            assertThat(step.path("step").isIntegralNumber()).as("step number of %s", step).isTrue();
            assertThat(step.path("step").asInt()).as("numbering of %s", step).isEqualTo(expected++);
            assertThat(step.path("reasoning").asText()).as("explanation of step %s", step.path("step")).isNotBlank();
        }
    }

    @Then("a conclusion is stated")
    public void aConclusionIsStated() {
        assertThat(outputs().path("conclusion").asText()).as("the conclusion").isNotBlank();
    }

    @Then("the confidence is between {int} and {int}")
    public void theConfidenceIsBetween(int low, int high) {
        JsonNode confidence = outputs().path("confidence");
        assertThat(confidence.isNumber()).as("confidence %s is a number", confidence).isTrue();
        assertThat(confidence.asDouble()).as("the confidence").isBetween((double) low, (double) high);
    }

    private JsonNode outputs() {
        return world.execution().path("outputs");
    }
}

package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.workflows.ReasoningChain;
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
        ReasoningChain chain = ReasoningChain.of(world.execution().output("reasoning"));
        assertThat(chain.steps().size())
                .as("steps in the reasoning chain %s", chain.text())
                .isGreaterThanOrEqualTo(minimum);
        int expected = 1;
        for (ReasoningChain.Step step : chain.steps()) {
            assertThat(step.number()).as("step number of %s", step.text()).isNotNull();
            assertThat(step.number()).as("numbering of %s", step.text()).isEqualTo(expected++);
            assertThat(step.reasoning())
                    .as("explanation of step %s", step.number())
                    .isNotBlank();
        }
    }

    @Then("a conclusion is stated")
    public void aConclusionIsStated() {
        assertThat(world.execution().text("conclusion")).as("the conclusion").isNotBlank();
    }

    @Then("the confidence is between {int} and {int}")
    public void theConfidenceIsBetween(int low, int high) {
        Execution execution = world.execution();
        assertThat(execution.number("confidence"))
                .as("confidence %s is a number", execution.output("confidence"))
                .isNotNull();
        assertThat(execution.number("confidence")).as("the confidence").isBetween((double) low, (double) high);
    }
}

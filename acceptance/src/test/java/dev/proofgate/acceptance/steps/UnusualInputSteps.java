package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.workflows.UnusualInputs;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid but unusual inputs travelling the whole way to each adapter's model and back. */
public final class UnusualInputSteps {

    private static final List<String> ADAPTERS = List.of("native", "python_port");

    private final ReadinessWorld world;

    public UnusualInputSteps(ReadinessWorld world) {
        this.world = world;
    }

    @When("a user sends {string} to every program")
    public void aUserSendsToEveryProgram(String unusual) {
        UnusualInputs inputs = UnusualInputs.named(unusual);
        Evidence.text(
                "inputs sent",
                "\"" + unusual + "\": " + inputs.text().length() + " characters of JSON\n" + inputs.text());
        for (String adapter : ADAPTERS) {
            world.execution(
                    adapter,
                    world.executions()
                            .submit(world.program(adapter).id(), inputs.values())
                            .orFail(unusual + " on the " + adapter + " adapter"));
        }
    }

    @Then("every execution completes with outputs of the declared types, inside their declared ranges")
    public void everyExecutionCompletesInsideTheDeclaredRanges() {
        PublishedSchema outputSchema = new PublishedSchema(world.signature().outputSchema());
        Map<String, String> ids = new LinkedHashMap<>();
        world.executionsByAdapter().forEach((adapter, execution) -> ids.put(execution.id(), adapter));
        Map<String, Execution> finished = FinishedExecutions.await(
                world.executions(), ids.keySet(), world.settings().awaitTimeout());
        finished.values().forEach(execution -> world.execution(ids.get(execution.id()), execution));
        Evidence.rows(
                "executions of the unusual input",
                finished.values().stream()
                        .map(execution -> UnusualInputs.row(ids.get(execution.id()), execution))
                        .toList());
        for (Execution execution : finished.values()) {
            String adapter = ids.get(execution.id());
            assertThat(execution.status())
                    .as("status on the %s adapter (error: %s)", adapter, execution.error())
                    .isEqualTo(Execution.COMPLETED);
            assertThat(outputSchema.problems(execution.outputs()))
                    .as("the published output schema's complaints about the %s adapter's outputs", adapter)
                    .isEmpty();
            Double confidence = execution.number("confidence");
            assertThat(confidence)
                    .as("the %s adapter's confidence %s is a number", adapter, execution.output("confidence"))
                    .isNotNull();
            assertThat(confidence).as("the %s adapter's confidence", adapter).isBetween(0.0, 1.0);
        }
    }
}

package dev.proofgate.acceptance.steps;

import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;

/** Teams binding a signature to a model adapter. */
public final class ProgramSteps {

    private final ReadinessWorld world;

    public ProgramSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a program that answers with the {string} adapter")
    public void aProgramThatAnswersWithTheAdapter(String adapter) {
        Program program = world.programs()
                .create(
                        world.uniqueName("program_" + adapter),
                        world.signature().id(),
                        adapter,
                        null)
                .orFail("creating a program on the '" + adapter + "' adapter");
        world.program(adapter, program);
    }
}

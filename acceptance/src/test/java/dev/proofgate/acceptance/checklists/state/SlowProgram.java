package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.Program;

/** A program whose model is slow on purpose. Scenario-scoped, injected by constructor. */
public final class SlowProgram {

    private Program program;

    public Program program() {
        return Earlier.required(program, "a slow program created");
    }

    public void record(Program program) {
        this.program = program;
    }
}

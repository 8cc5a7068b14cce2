package dev.proofgate.acceptance.checklists.state;

import com.fasterxml.jackson.databind.JsonNode;

/** A program whose model is slow on purpose. Scenario-scoped, injected by constructor. */
public final class SlowProgram {

    private JsonNode program;

    public JsonNode program() {
        return Earlier.required(program, "a slow program created");
    }

    public void record(JsonNode program) {
        this.program = program;
    }
}

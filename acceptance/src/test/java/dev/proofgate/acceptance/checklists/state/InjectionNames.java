package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.Program;
import java.util.List;

/** Programs named after injection strings: the names given and the programs created. Scenario-scoped, injected by constructor. */
public final class InjectionNames {

    private List<String> names;
    private List<Program> programs;

    public List<String> names() {
        return Earlier.required(names, "injection strings given as names");
    }

    public List<Program> programs() {
        return Earlier.required(programs, "programs named after injection strings");
    }

    public void record(List<String> names, List<Program> programs) {
        this.names = names;
        this.programs = programs;
    }
}

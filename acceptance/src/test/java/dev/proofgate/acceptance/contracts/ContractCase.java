package dev.proofgate.acceptance.contracts;

import dev.proofgate.acceptance.drivers.Execution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one contract scenario tried: every input with the published schema's and the platform's
 * answer. Scenario-scoped (picocontainer makes one per scenario), shared by the contract step classes.
 */
public final class ContractCase {

    private final List<Trial> trials = new ArrayList<>();
    private final Map<String, Execution> finished = new LinkedHashMap<>();
    private String origin = "";

    /** Executions of the accepted inputs, by id, as they finished. */
    public Map<String, Execution> finished() {
        return finished;
    }

    public List<Trial> trials() {
        return trials;
    }

    /** How the inputs came about (a generator's seed, a table), named in the evidence. */
    public String origin() {
        return origin;
    }

    public void origin(String origin) {
        this.origin = origin;
    }
}

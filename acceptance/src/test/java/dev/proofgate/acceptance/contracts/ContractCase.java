package dev.proofgate.acceptance.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * What one contract scenario tried: every input with the published schema's and the platform's
 * answer. Scenario-scoped (picocontainer makes one per scenario), shared by the contract step classes.
 */
public final class ContractCase {

    private final List<Trial> trials = new ArrayList<>();
    private String origin = "";

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

package dev.proofgate.acceptance.checklists.state;

import java.util.List;

/** The malformed corpus sent: the requests answered with a server error. Scenario-scoped, injected by constructor. */
public final class CorpusOutcome {

    private List<String> serverErrors;

    public List<String> serverErrors() {
        return Earlier.required(serverErrors, "the malformed corpus sent");
    }

    public void record(List<String> serverErrors) {
        this.serverErrors = serverErrors;
    }
}

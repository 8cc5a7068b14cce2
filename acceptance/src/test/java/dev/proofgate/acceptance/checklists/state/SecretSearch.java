package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.SecretScan;

/** Everything the platform shows about itself, searched for secrets. Scenario-scoped, injected by constructor. */
public final class SecretSearch {

    private SecretScan scan;

    public SecretScan scan() {
        return Earlier.required(scan, "what the platform shows collected");
    }

    public void record(SecretScan scan) {
        this.scan = scan;
    }
}

package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.WrongKeyFlood;

/** The wrong keys guessed as fast as possible, and what the platform answered. Scenario-scoped, injected by constructor. */
public final class WrongKeyAttempts {

    private WrongKeyFlood.Result flood;

    public WrongKeyFlood.Result flood() {
        return Earlier.required(flood, "wrong keys guessed");
    }

    public void record(WrongKeyFlood.Result flood) {
        this.flood = flood;
    }
}

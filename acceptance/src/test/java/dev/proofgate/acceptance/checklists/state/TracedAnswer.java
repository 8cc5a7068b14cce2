package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.HttpAnswer;

/** An answer to a request sent with a request id of the caller's. Scenario-scoped, injected by constructor. */
public final class TracedAnswer {

    private HttpAnswer answer;

    public HttpAnswer answer() {
        return Earlier.required(answer, "a request sent with a request id");
    }

    public void record(HttpAnswer answer) {
        this.answer = answer;
    }
}

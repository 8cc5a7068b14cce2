package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.HttpAnswer;

/** A question whose inputs nest too deeply, and the answer it got. Scenario-scoped, injected by constructor. */
public final class DeepRequest {

    private HttpAnswer answer;

    public HttpAnswer answer() {
        return Earlier.required(answer, "a deeply nested request sent");
    }

    public void record(HttpAnswer answer) {
        this.answer = answer;
    }
}

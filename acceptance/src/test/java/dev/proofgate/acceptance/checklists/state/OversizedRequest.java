package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.HttpAnswer;

/**
 * A signature sent with a body over the limit: the answer, and the name it would have been stored under.
 * Scenario-scoped, injected by constructor.
 */
public final class OversizedRequest {

    private HttpAnswer answer;
    private String name;

    public HttpAnswer answer() {
        return Earlier.required(answer, "a request over the body limit sent");
    }

    public String name() {
        return Earlier.required(name, "the name of the oversized signature");
    }

    public void record(HttpAnswer answer, String name) {
        this.answer = answer;
        this.name = name;
    }
}

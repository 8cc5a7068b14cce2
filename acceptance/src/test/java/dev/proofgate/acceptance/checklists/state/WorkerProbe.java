package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.drivers.bridge.WorkerUnderProbe;

/** A Python worker sent a hostile frame: the request id sent, its answer, its health afterwards and its peak memory. Scenario-scoped. */
public final class WorkerProbe {

    private String requestId;
    private WorkerUnderProbe.WorkerAnswer answer;
    private String healthAfter;
    private Long peakKib;

    public String requestId() {
        return Earlier.required(requestId, "a request sent to a worker by its id");
    }

    public WorkerUnderProbe.WorkerAnswer answer() {
        return Earlier.required(answer, "a hostile frame sent to a worker");
    }

    public String healthAfter() {
        return Earlier.required(healthAfter, "the worker's health read after the hostile frame");
    }

    public long peakKib() {
        return Earlier.required(peakKib, "the worker's peak memory read");
    }

    public void answered(String requestId, WorkerUnderProbe.WorkerAnswer answer, String healthAfter) {
        this.requestId = requestId;
        this.answer = answer;
        this.healthAfter = healthAfter;
    }

    public void answered(WorkerUnderProbe.WorkerAnswer answer, long peakKib) {
        this.answer = answer;
        this.peakKib = peakKib;
    }
}

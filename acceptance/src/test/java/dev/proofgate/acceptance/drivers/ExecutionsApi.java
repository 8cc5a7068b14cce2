package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** Submitting executions and following them to the end. */
public interface ExecutionsApi {

    Outcome submit(String programId, JsonNode inputs);

    Outcome get(String executionId);

    /** The program's execution history, newest first: {items, total}. */
    JsonNode history(String programId, String status);

    /** One page of the program's history, newest first: {items, total, limit, offset}; status may be null. */
    JsonNode page(String programId, String status, int limit, int offset);
}

package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** Submitting executions and following them to the end. */
public interface ExecutionsApi {

    Outcome<Execution> submit(String programId, JsonNode inputs);

    Outcome<Execution> get(String executionId);

    /** The program's execution history, newest first, up to 200 of them; status may be null. */
    HistoryPage history(String programId, String status);

    /** One page of the program's history, newest first; status may be null. */
    HistoryPage page(String programId, String status, int limit, int offset);
}

package dev.proofgate.acceptance.drivers;

import java.util.Map;

/** Submitting executions and following them to the end. */
public interface ExecutionsApi {

    /** Asks a program a question; the inputs are plain values (texts, numbers, lists and maps), sent as JSON. */
    Outcome<Execution> submit(String programId, Map<String, ?> inputs);

    /** Asks a program with inputs that need not be a map at all (a list, a text, null): for the checks that such inputs are refused. */
    Outcome<Execution> submitAny(String programId, Object inputs);

    Outcome<Execution> get(String executionId);

    /** The program's execution history, newest first, up to 200 of them; status may be null. */
    HistoryPage history(String programId, String status);

    /** One page of the program's history, newest first; status may be null. */
    HistoryPage page(String programId, String status, int limit, int offset);
}

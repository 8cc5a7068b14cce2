package dev.proofgate.acceptance.drivers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only questions to the platform's database; the rows read are attached as evidence. */
public interface DatabaseProbe extends AutoCloseable {

    Optional<Map<String, Object>> execution(String executionId);

    long executionsOfProgram(String programId);

    long signaturesNamed(String name);

    /** Every execution of a program as stored: id, status, created_at, oldest first. */
    List<Map<String, Object>> executionStates(String programId);

    @Override
    void close();
}

package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only questions to the platform's database; the rows read are attached as evidence. */
public interface DatabaseProbe extends AutoCloseable {

    /** One execution as stored: its status, how many times it was finished, its outputs (null when none) and its audit stages. */
    record StoredExecution(String id, String status, int completions, JsonNode outputs, int auditStages) {}

    /** One execution's state as stored, with its creation time. */
    record StoredState(String id, String status, Instant createdAt) {}

    Optional<StoredExecution> execution(String executionId);

    long executionsOfProgram(String programId);

    long signaturesNamed(String name);

    /** Every execution of a program as stored, oldest first. */
    List<StoredState> executionStates(String programId);

    @Override
    void close();
}

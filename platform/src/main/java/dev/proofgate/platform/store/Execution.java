package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One accepted execution as persisted: the single source of truth for its status. */
public record Execution(
        UUID id,
        UUID programId,
        String status,
        JsonNode inputs,
        JsonNode outputs,
        JsonNode error,
        String adapter,
        int attempts,
        String idempotencyKey,
        Long queueMs,
        Long executionMs,
        Long totalMs,
        JsonNode audit,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        int completions) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }
}

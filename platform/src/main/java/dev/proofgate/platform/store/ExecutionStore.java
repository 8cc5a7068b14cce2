package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable execution queue. Every transition is one conditional UPDATE, so a claim that lost
 * its lease can never complete an execution that another claim now owns: completed exactly once.
 */
public final class ExecutionStore {

    private static final String COLUMNS = """
            id, program_id, status, inputs, outputs, error, adapter, attempts, idempotency_key, queue_ms,
            execution_ms, total_ms, audit, created_at, started_at, completed_at, completions""";
    private static final String CLAIMED_COLUMNS = String.join(
            ", ",
            java.util.Arrays.stream(COLUMNS.split(","))
                    .map(column -> "e." + column.trim())
                    .toList());

    public record Submission(Execution execution, boolean replayed) {}

    public record Page(List<Execution> items, long total) {}

    public record QueueStats(long queued, long running, long oldestQueuedMs) {}

    private final Sql sql;
    private final SubmissionGroups submissions;

    public ExecutionStore(Database database) {
        this.sql = new Sql(database);
        this.submissions = new SubmissionGroups(sql, COLUMNS, ExecutionStore::map);
    }

    /**
     * Commits a new queued execution (together with the submissions of concurrent requests), or returns the
     * one already accepted under the same idempotency key.
     */
    public Submission submit(UUID programId, String adapter, JsonNode inputs, String clientKey, String idempotencyKey) {
        Optional<Execution> inserted = submissions.insert(new SubmissionGroups.Row(
                UUID.randomUUID(), programId, Json.write(inputs), adapter, clientKey, idempotencyKey));
        if (inserted.isPresent()) {
            return new Submission(inserted.get(), false);
        }
        Execution existing = sql.queryOne(
                        "select " + COLUMNS + " from executions where client_key = ? and idempotency_key = ?",
                        ExecutionStore::map,
                        clientKey,
                        idempotencyKey)
                .orElseThrow();
        return new Submission(existing, true);
    }

    /** The most submissions committed together so far. */
    int largestSubmissionGroup() {
        return submissions.largestGroup();
    }

    public Optional<Execution> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from executions where id = ?", ExecutionStore::map, id);
    }

    public Page search(UUID programId, String status, int limit, int offset) {
        String where = " where (?::uuid is null or program_id = ?::uuid) and (?::text is null or status = ?::text)";
        List<Execution> items = sql.query(
                "select " + COLUMNS + " from executions" + where + " order by created_at desc, id limit ? offset ?",
                ExecutionStore::map,
                programId,
                programId,
                status,
                status,
                limit,
                offset);
        long total = sql.queryOne(
                        "select count(*) from executions" + where,
                        row -> row.getLong(1),
                        programId,
                        programId,
                        status,
                        status)
                .orElse(0L);
        return new Page(items, total);
    }

    /** Claims the oldest queued execution under a lease named by {@code claim}. */
    public Optional<Execution> claim(String claim, int leaseSeconds) {
        List<Execution> claimed = claim(claim, leaseSeconds, 1, Integer.MAX_VALUE);
        return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed.get(0));
    }

    /**
     * Claims up to {@code limit} of the oldest queued executions under one lease named by {@code claim},
     * in one statement (one round trip and one commit for several executions), skipping programs that
     * {@code perProgram} claims (dispatcher threads) already work on, so that one slow program cannot
     * take every dispatcher thread while others wait. The cap is soft: two claims racing may both see
     * a program just under it.
     */
    public List<Execution> claim(String claim, int leaseSeconds, int limit, int perProgram) {
        return sql.query("""
                with busy as (
                    select program_id from executions where status = 'running' group by program_id having count(distinct lease_owner) >= ?),
                next as (
                    select id from executions where status = 'queued' and program_id not in (select program_id from busy)
                    order by created_at limit ? for update skip locked)
                update executions e set status = 'running', attempts = e.attempts + 1, lease_owner = ?,
                    lease_expires_at = now() + make_interval(secs => ?), started_at = now()
                from next where e.id = next.id
                returning""" + " " + CLAIMED_COLUMNS, ExecutionStore::map, perProgram, limit, claim, leaseSeconds);
    }

    /** Puts a claimed execution that was never started back in the queue (a batch cut short by shutdown or by a slow run). */
    public int release(UUID id, String claim) {
        return sql.update(
                "update executions set status = 'queued', attempts = attempts - 1, lease_owner = null, lease_expires_at = null, "
                        + "started_at = null where id = ? and status = 'running' and lease_owner = ?",
                id,
                claim);
    }

    /**
     * Extends a lease that is still alive. A lease past its expiry is forfeit even before another claim
     * re-queues it: renewing it would race the re-queue, and whichever won decided who runs the work.
     */
    public int renewLease(UUID id, String claim, int leaseSeconds) {
        return sql.update(
                "update executions set lease_expires_at = now() + make_interval(secs => ?) "
                        + "where id = ? and status = 'running' and lease_owner = ? and lease_expires_at > now()",
                leaseSeconds,
                id,
                claim);
    }

    /** Counts one more attempt for work retried inside the same claim (for example after a worker died). */
    public int recordRetry(UUID id, String claim) {
        return sql.update(
                "update executions set attempts = attempts + 1 where id = ? and status = 'running' and lease_owner = ?",
                id,
                claim);
    }

    /** The outcome of one claimed execution: its outputs when it completed, its error when it failed. */
    public record Outcome(UUID id, boolean completed, JsonNode value, long executionMs, JsonNode audit) {}

    /**
     * Writes the outcomes of executions held under {@code claim} in one transaction (one round trip and one
     * commit for several executions). Each is written only if the claim still holds its lease; the answer
     * says, in order, which were.
     */
    public boolean[] finish(List<Outcome> outcomes, String claim) {
        int[] counts = sql.updateEach(
                "update executions set status = ?, outputs = ?::jsonb, error = ?::jsonb, audit = ?::jsonb, "
                        + "execution_ms = ?, queue_ms = (extract(epoch from (started_at - created_at)) * 1000)::bigint, "
                        + "total_ms = (extract(epoch from (clock_timestamp() - created_at)) * 1000)::bigint, "
                        + "completed_at = clock_timestamp(), completions = completions + 1, lease_owner = null, lease_expires_at = null "
                        + "where id = ? and status = 'running' and lease_owner = ?",
                outcomes.stream()
                        .map(outcome -> new Object[] {
                            outcome.completed() ? Execution.COMPLETED : Execution.FAILED,
                            outcome.completed() ? Json.write(outcome.value()) : null,
                            outcome.completed() ? null : Json.write(outcome.value()),
                            Json.write(outcome.audit()),
                            outcome.executionMs(),
                            outcome.id(),
                            claim
                        })
                        .toList());
        boolean[] written = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            written[i] = counts[i] == 1;
        }
        return written;
    }

    /** Puts executions whose lease ran out (their worker or process died) back in the queue. */
    public int requeueExpired() {
        return sql.update("update executions set status = 'queued', lease_owner = null, lease_expires_at = null "
                + "where status = 'running' and lease_expires_at < now()");
    }

    public QueueStats stats() {
        return sql.queryOne(
                        """
                select count(*) filter (where status = 'queued') as queued,
                       count(*) filter (where status = 'running') as running,
                       coalesce((extract(epoch from (now() - min(created_at) filter (where status = 'queued'))) * 1000)::bigint, 0) as oldest
                from executions where status in ('queued', 'running')""",
                        row -> new QueueStats(row.getLong("queued"), row.getLong("running"), row.getLong("oldest")))
                .orElseThrow();
    }

    private static Execution map(ResultSet row) throws SQLException {
        return new Execution(
                row.getObject("id", UUID.class),
                row.getObject("program_id", UUID.class),
                row.getString("status"),
                Json.read(row.getString("inputs")),
                Json.read(row.getString("outputs")),
                Json.read(row.getString("error")),
                row.getString("adapter"),
                row.getInt("attempts"),
                row.getString("idempotency_key"),
                nullableLong(row, "queue_ms"),
                nullableLong(row, "execution_ms"),
                nullableLong(row, "total_ms"),
                Json.read(row.getString("audit")),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("completed_at")),
                row.getInt("completions"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

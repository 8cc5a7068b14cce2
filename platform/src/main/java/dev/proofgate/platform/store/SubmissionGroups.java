package dev.proofgate.platform.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Group commit of submissions. Requests hand their new execution to one writer thread, which inserts
 * every submission that arrived while it wrote the previous group in one statement and one commit,
 * then answers each request. A request is answered only once its row is committed, so accepted work is
 * never lost; under load, 50 concurrent submissions cost one round trip instead of 50 (each a turn at a
 * pooled connection and a commit), which is where a submission's time went.
 *
 * <p>A group that fails for a reason other than the database being away is written again row by row,
 * so that one bad row fails its own request only.
 */
final class SubmissionGroups {

    /** What one request asks to insert. */
    record Row(UUID id, UUID programId, String inputs, String adapter, String clientKey, String idempotencyKey) {}

    private static final int MAX_GROUP = 256;
    private static final long ANSWER_TIMEOUT_SECONDS = 35;

    private record Pending(Row row, CompletableFuture<Execution> inserted) {}

    private final Sql sql;
    private final String insert;
    private final Sql.RowMapper<Execution> mapper;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private volatile int largestGroup;

    /**
     * @param columns the columns each inserted row is answered with
     * @param mapper  how an answered row becomes an execution
     */
    SubmissionGroups(Sql sql, String columns, Sql.RowMapper<Execution> mapper) {
        this.sql = sql;
        this.mapper = mapper;
        // one statement text for any group size: the group travels as arrays; clock_timestamp() keeps the
        // arrival order of a group in created_at (now() would be the same for the whole group)
        this.insert = """
                insert into executions (id, program_id, status, inputs, adapter, client_key, idempotency_key, created_at)
                select id, program_id, 'queued', inputs::jsonb, adapter, client_key, idempotency_key, clock_timestamp()
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                    with ordinality as s(id, program_id, inputs, adapter, client_key, idempotency_key, arrival)
                order by arrival
                on conflict (client_key, idempotency_key) where idempotency_key is not null do nothing
                returning""" + " " + columns;
        Thread writer = new Thread(this::write, "submission-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Inserts {@code row} with the next group and returns it as committed, or nothing when an execution
     * with the same idempotency key was there first.
     */
    Optional<Execution> insert(Row row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return Optional.ofNullable(pending.inserted().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("submission failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseUnavailableException(
                    "database unavailable: the submission was not committed within " + ANSWER_TIMEOUT_SECONDS + " s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while the submission was being committed", e);
        }
    }

    /** The most submissions written together so far. */
    int largestGroup() {
        return largestGroup;
    }

    private void write() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                group.add(waiting.take());
                waiting.drainTo(group, MAX_GROUP - 1);
                largestGroup = Math.max(largestGroup, group.size());
                answer(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // answer() answers every request itself; this only keeps the writer alive through the unforeseen
                group.forEach(pending -> pending.inserted().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** Inserts a group; if the database refuses it for a reason other than being away, each row alone. */
    private void answer(List<Pending> group) {
        try {
            Map<UUID, Execution> inserted = sql
                    .query(
                            insert,
                            mapper,
                            column(group, Row::id, UUID[]::new),
                            column(group, Row::programId, UUID[]::new),
                            column(group, Row::inputs, String[]::new),
                            column(group, Row::adapter, String[]::new),
                            column(group, Row::clientKey, String[]::new),
                            column(group, Row::idempotencyKey, String[]::new))
                    .stream()
                    .collect(Collectors.toMap(Execution::id, Function.identity()));
            group.forEach(pending ->
                    pending.inserted().complete(inserted.get(pending.row().id())));
        } catch (RuntimeException e) {
            if (group.size() == 1 || e instanceof DatabaseUnavailableException) {
                group.forEach(pending -> pending.inserted().completeExceptionally(e));
            } else {
                group.forEach(pending -> answer(List.of(pending)));
            }
        }
    }

    private static <T> T[] column(List<Pending> group, Function<Row, T> value, IntFunction<T[]> array) {
        return group.stream().map(pending -> value.apply(pending.row())).toArray(array);
    }
}

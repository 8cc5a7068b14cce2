package dev.proofgate.platform.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
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
    record Row(UUID id, UUID programId, String inputs, String adapter, String clientKey, String idempotencyKey) {
    }

    private static final int MAX_GROUP = 256;
    private static final long ANSWER_TIMEOUT_SECONDS = 35;

    private record Pending(Row row, CompletableFuture<Execution> inserted) {
    }

    private final Database database;
    private final String insert;
    private final Sql.RowMapper<Execution> mapper;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private volatile int largestGroup;

    /**
     * @param columns the columns each inserted row is answered with
     * @param mapper  how an answered row becomes an execution
     */
    SubmissionGroups(Database database, String columns, Sql.RowMapper<Execution> mapper) {
        this.database = database;
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
    java.util.Optional<Execution> insert(Row row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return java.util.Optional.ofNullable(pending.inserted().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("submission failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseUnavailableException("database unavailable: the submission was not committed within "
                    + ANSWER_TIMEOUT_SECONDS + " s", e);
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
                group.forEach(pending -> pending.inserted().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void answer(List<Pending> group) {
        try {
            Map<UUID, Execution> inserted = insertAll(group.stream().map(Pending::row).toList());
            group.forEach(pending -> pending.inserted().complete(inserted.get(pending.row().id())));
        } catch (DatabaseUnavailableException e) {
            group.forEach(pending -> pending.inserted().completeExceptionally(e));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                throw e;
            }
            for (Pending pending : group) {
                try {
                    pending.inserted().complete(insertAll(List.of(pending.row())).get(pending.row().id()));
                } catch (RuntimeException alone) {
                    pending.inserted().completeExceptionally(alone);
                }
            }
        }
    }

    private Map<UUID, Execution> insertAll(List<Row> rows) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setArray(1, array(c, "uuid", rows, Row::id));
                s.setArray(2, array(c, "uuid", rows, Row::programId));
                s.setArray(3, array(c, "text", rows, Row::inputs));
                s.setArray(4, array(c, "text", rows, Row::adapter));
                s.setArray(5, array(c, "text", rows, Row::clientKey));
                s.setArray(6, array(c, "text", rows, Row::idempotencyKey));
                List<Execution> executions = new ArrayList<>();
                try (ResultSet result = s.executeQuery()) {
                    while (result.next()) {
                        executions.add(mapper.map(result));
                    }
                }
                return executions.stream().collect(Collectors.toMap(Execution::id, Function.identity()));
            }
        });
    }

    private static Array array(Connection c, String type, List<Row> rows, Function<Row, Object> column) throws SQLException {
        return c.createArrayOf(type, rows.stream().map(column).toArray());
    }
}

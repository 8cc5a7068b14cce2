package dev.proofgate.acceptance.drivers.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database's side of the ledger: status, attempts and completion count of many executions in
 * one read. A read-only session of its own, reconnected when the database was stopped under it;
 * it attaches nothing itself (the ledger attaches the reconciled table).
 */
public final class ExecutionRecords implements AutoCloseable {

    /** One execution as its row says. {@code startedAt} and {@code completedAt} are epoch milliseconds, or 0. */
    public record Row(
            String id,
            String status,
            int attempts,
            int completions,
            String errorType,
            String errorMessage,
            long startedAt,
            long completedAt,
            String leaseOwner,
            long leaseExpiresAt) {}

    private final DatabaseCoordinates coordinates;
    private Connection connection;

    public ExecutionRecords(DatabaseCoordinates coordinates) {
        this.coordinates = coordinates;
    }

    public Map<String, Row> read(Collection<String> executionIds) {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (executionIds.isEmpty()) {
            return rows;
        }
        try {
            Connection c = connection();
            Array ids = c.createArrayOf(
                    "uuid", executionIds.stream().map(UUID::fromString).toArray());
            try (PreparedStatement statement = c.prepareStatement("""
                    select id::text as id, status, attempts, completions, error->>'type' as error_type,
                           error->>'message' as error_message, started_at, completed_at, lease_owner, lease_expires_at
                    from executions where id = any(?)""")) {
                statement.setArray(1, ids);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.put(
                                result.getString("id"),
                                new Row(
                                        result.getString("id"),
                                        result.getString("status"),
                                        result.getInt("attempts"),
                                        result.getInt("completions"),
                                        result.getString("error_type"),
                                        result.getString("error_message"),
                                        millis(result.getTimestamp("started_at")),
                                        millis(result.getTimestamp("completed_at")),
                                        result.getString("lease_owner"),
                                        millis(result.getTimestamp("lease_expires_at"))));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            closeConnection();
            throw new IllegalStateException(
                    "the suite could not read the executions from the database: " + e.getMessage(), e);
        }
    }

    private static long millis(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.getTime();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(2)) {
            closeConnection();
            connection = DriverManager.getConnection(coordinates.url(), coordinates.user(), coordinates.password());
            connection.setReadOnly(true);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a read-only session: nothing to lose
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}

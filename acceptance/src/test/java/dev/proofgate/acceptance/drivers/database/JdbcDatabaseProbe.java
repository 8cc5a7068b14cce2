package dev.proofgate.acceptance.drivers.database;

import dev.proofgate.acceptance.drivers.DatabaseProbe;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the platform's tables over JDBC in a read-only session and attaches every row it read. */
public final class JdbcDatabaseProbe implements DatabaseProbe {

    private final Connection connection;

    public JdbcDatabaseProbe(DatabaseCoordinates database) {
        try {
            this.connection = DriverManager.getConnection(database.url(), database.user(), database.password());
            this.connection.setReadOnly(true);
        } catch (SQLException e) {
            throw new IllegalStateException("the suite cannot read the platform's database at " + database.url(), e);
        }
    }

    @Override
    public Optional<StoredExecution> execution(String executionId) {
        List<Map<String, Object>> rows = query(
                "execution row " + executionId,
                "select id, program_id, status, attempts, completions, adapter, queue_ms, execution_ms, total_ms, "
                        + "outputs::text as outputs, jsonb_array_length(audit) as audit_stages, created_at, completed_at "
                        + "from executions where id = ?",
                UUID.fromString(executionId));
        return rows.stream()
                .findFirst()
                .map(row -> new StoredExecution(
                        String.valueOf(row.get("id")),
                        (String) row.get("status"),
                        ((Number) row.get("completions")).intValue(),
                        row.get("outputs") == null ? null : Json.parse((String) row.get("outputs")),
                        ((Number) row.get("audit_stages")).intValue()));
    }

    @Override
    public long executionsOfProgram(String programId) {
        return count(
                "executions of program " + programId,
                "select count(*) as executions from executions where program_id = ?",
                UUID.fromString(programId));
    }

    @Override
    public long signaturesNamed(String name) {
        return count("signatures named " + name, "select count(*) as signatures from signatures where name = ?", name);
    }

    @Override
    public List<StoredState> executionStates(String programId) {
        return query(
                        "states of the executions of program " + programId,
                        "select id, status, created_at from executions where program_id = ? order by created_at, id",
                        UUID.fromString(programId))
                .stream()
                .map(row -> new StoredState(
                        String.valueOf(row.get("id")),
                        String.valueOf(row.get("status")),
                        ((Timestamp) row.get("created_at")).toInstant()))
                .toList();
    }

    private long count(String what, String sql, Object... parameters) {
        return ((Number) query(what, sql, parameters).get(0).values().iterator().next()).longValue();
    }

    private List<Map<String, Object>> query(String what, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            Evidence.rows("database: " + what, rows);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("database probe failed for " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only probe connection cannot lose anything
        }
    }
}

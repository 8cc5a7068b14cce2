package dev.proofgate.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC plumbing shared by the stores: one statement, its parameters, its rows, SQL errors translated. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Database database;

    Sql(Database database) {
        this.database = database;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return database.withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters);
                    ResultSet rows = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... parameters) {
        return database.withConnection(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters)) {
                return s.executeUpdate();
            }
        });
    }

    /** One statement run once per row of parameters, sent together and committed together. */
    int[] updateEach(String sql, List<Object[]> rows) {
        return database.withConnection(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(s, row);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                c.commit();
                return counts;
            }
            // on failure the pool rolls back what was not committed, and restores auto-commit, when the connection
            // returns
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(s, parameters);
        return s;
    }

    /** Parameters by position; Java arrays (UUID[], String[]) become SQL arrays. */
    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}

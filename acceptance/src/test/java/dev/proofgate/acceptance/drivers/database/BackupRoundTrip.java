package dev.proofgate.acceptance.drivers.database;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup and restore of the platform's database, and the proof that it gave everything back.
 *
 * <p>Why not pg_dump: a fresh machine has no pg_dump for the server's major version (the embedded
 * binaries hold initdb, pg_ctl and postgres; Debian's client is 15 and refuses a 17 server). The same
 * logical round trip is done with PostgreSQL's COPY protocol through the JDBC driver: every platform
 * table's rows out in binary form, an empty database built from the platform's own migrations, the
 * rows back in with triggers off (as pg_restore --disable-triggers does), then both sides compared
 * table by table by row count and by a digest over every row.
 */
public final class BackupRoundTrip {

    /** One table compared: rows and digest on each side. */
    public record TableComparison(
            String table,
            long originalRows,
            long restoredRows,
            String originalDigest,
            String restoredDigest,
            long backupBytes) {
        public boolean identical() {
            return originalRows == restoredRows && originalDigest.equals(restoredDigest);
        }
    }

    private final DatabaseCoordinates original;

    public BackupRoundTrip(DatabaseCoordinates original) {
        this.original = original;
    }

    public List<TableComparison> run() {
        String restoredName = "restore_check_" + UUID.randomUUID().toString().substring(0, 8);
        String restoredUrl = original.url().substring(0, original.url().lastIndexOf('/') + 1) + restoredName;
        try (Connection source = DriverManager.getConnection(original.url(), original.user(), original.password());
                Connection admin = DriverManager.getConnection(original.url(), original.user(), original.password())) {
            // One snapshot for the backup and for the figures it is compared with, however busy the platform is.
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<String> tables = platformTables(source);
            Map<String, byte[]> backup = new LinkedHashMap<>();
            Map<String, long[]> originalCounts = new LinkedHashMap<>();
            Map<String, String> originalDigests = new LinkedHashMap<>();
            CopyManager out = source.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                out.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", rows);
                backup.put(table, rows.toByteArray());
                originalCounts.put(table, new long[] {count(source, table)});
                originalDigests.put(table, digest(source, table));
            }
            source.commit();
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + restoredName);
            }
            try {
                Flyway.configure()
                        .dataSource(restoredUrl, original.user(), original.password())
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                List<TableComparison> comparisons = new ArrayList<>();
                try (Connection restored =
                        DriverManager.getConnection(restoredUrl, original.user(), original.password())) {
                    restored.setAutoCommit(false);
                    try (Statement statement = restored.createStatement()) {
                        statement.execute("SET session_replication_role = replica");
                    }
                    CopyManager in = restored.unwrap(PGConnection.class).getCopyAPI();
                    for (String table : tables) {
                        in.copyIn(
                                "COPY " + table + " FROM STDIN (FORMAT binary)",
                                new ByteArrayInputStream(backup.get(table)));
                    }
                    restored.commit();
                    for (String table : tables) {
                        comparisons.add(new TableComparison(
                                table,
                                originalCounts.get(table)[0],
                                count(restored, table),
                                originalDigests.get(table),
                                digest(restored, table),
                                backup.get(table).length));
                    }
                }
                return comparisons;
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + restoredName + " WITH (FORCE)");
                }
            }
        } catch (SQLException | IOException e) {
            throw new AssertionError("the backup and restore round trip failed: " + e.getMessage(), e);
        }
    }

    private static List<String> platformTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'public' "
                                + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A digest over every row's text form, in a stable order: equal digests mean equal contents. */
    private static String digest(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), 'empty') from " + table
                                + " t")) {
            rows.next();
            return rows.getString(1);
        }
    }
}

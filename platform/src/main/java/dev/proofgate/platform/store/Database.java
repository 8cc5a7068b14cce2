package dev.proofgate.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema. Connections fail fast (2 s) so that an outage becomes a 503 and
 * not a hung request; HikariCP reconnects by itself when PostgreSQL is back.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    public Database(String url, String user, String password, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(15_000);
        config.setPoolName("proofgate");
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", "proofgate-platform");
        this.pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A short answer to "is the database there?" for /health. */
    public boolean reachable() {
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.execute("select 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public String serverVersion() {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    public static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P")) {
            return new DatabaseUnavailableException("database unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("database error " + state + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.close();
    }
}

package dev.proofgate.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema. Connections fail fast (2 s) so that an outage becomes a 503 and
 * not a hung request; HikariCP reconnects by itself when PostgreSQL is back.
 */
public final class Database implements AutoCloseable {

    private static final int CONNECTION_TIMEOUT_MS = 2_000;

    private final HikariDataSource pool;
    private final Semaphore turns;

    public Database(String url, String user, String password, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(15_000);
        config.setPoolName("proofgate");
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", "proofgate-platform");
        this.pool = new HikariDataSource(config);
        this.turns = new Semaphore(maxConnections, true);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Work done on one borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection borrowed in turn: callers queue first come, first served (a fair
     * semaphore with as many permits as the pool has connections), so under load every caller waits about
     * as long as the others instead of a few waiting for seconds while the pool hands its connections
     * to whoever asks just as one comes back.
     */
    public <T> T withConnection(Work<T> work) {
        try {
            if (!turns.tryAcquire(CONNECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new DatabaseUnavailableException(
                        "database unavailable: no connection free within " + CONNECTION_TIMEOUT_MS + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for a database connection", e);
        }
        try (Connection c = pool.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            turns.release();
        }
    }

    /** Callers waiting for their turn at a connection right now. */
    int waiting() {
        return turns.getQueueLength();
    }

    /** A short answer to "is the database there?" for /health. */
    public boolean reachable() {
        try (Connection c = pool.getConnection();
                var s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.execute("select 1");
        } catch (SQLException | RuntimeException e) {
            return false;
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

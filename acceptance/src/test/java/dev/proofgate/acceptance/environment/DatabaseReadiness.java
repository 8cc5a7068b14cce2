package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until the suite can open a JDBC connection to the platform's database, polling every 200 ms: the
 * moment the database is back, not the next tick of a health check. The failure says what was last seen
 * and shows the database's log tail.
 */
final class DatabaseReadiness {

    private DatabaseReadiness() {}

    /** Returns the server's version, as "PostgreSQL 17.x ...". */
    static String await(DatabaseCoordinates database, Duration timeout, Supplier<String> logTail) {
        AtomicReference<String> lastSeen = new AtomicReference<>("no attempt yet");
        AtomicReference<String> version = new AtomicReference<>();
        try {
            Awaitility.await("PostgreSQL at " + database.url() + " to accept connections")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        try (Connection c =
                                DriverManager.getConnection(database.url(), database.user(), database.password())) {
                            version.set("PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
                            return true;
                        } catch (SQLException e) {
                            lastSeen.set(e.getMessage());
                            return false;
                        }
                    });
            return version.get();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + database.url() + " did not accept connections within " + timeout.toSeconds()
                            + " s; last seen: " + lastSeen.get() + "\n--- PostgreSQL log tail ---\n" + logTail.get(),
                    e);
        }
    }
}

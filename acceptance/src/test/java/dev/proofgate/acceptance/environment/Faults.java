package dev.proofgate.acceptance.environment;

import java.time.Duration;

/**
 * The destructive things an environment can do to the running platform, named as faults (kill a
 * worker, stop the database, crash the platform) rather than as the mechanics of one mode. Each
 * method belongs to a {@link Capability}; an environment offers the capability only where it
 * implements the fault for real, so steps never need to know the mode.
 */
public interface Faults {

    /** SIGKILL one of the platform's Python workers; returns the process id that was killed. */
    long killWorker();

    /** Stops the platform's database; its data stays where it is. */
    void stopDatabase();

    /** Starts the database again on the same data and returns once it accepts connections. */
    void startDatabase();

    /** SIGKILL the platform: no shutdown hook runs, in-flight work is abandoned mid-way. */
    void crashPlatform();

    /**
     * SIGTERM: the platform drains in-flight work and exits. Returns how long it took to exit; if it
     * has not exited within {@code atMost} it is killed and this fails, naming the bound.
     */
    Duration stopPlatform(Duration atMost);

    /**
     * Starts the platform again on the same data and returns how long it took from start to reporting
     * ready; fails with the platform's log tail if it does not become ready within the start-up bound.
     */
    Duration startPlatform();

    /** Number of the platform's Python workers alive right now, as the operating system sees them. */
    int liveWorkers();

    /**
     * Cuts the network between the platform and its database; both stay up and the suite still reaches
     * each. Capability {@code database-network}.
     */
    default void cutDatabaseNetwork() {
        throw new UnsupportedOperationException("this environment cannot cut the network between the platform and its database");
    }

    /** Restores the network between the platform and its database. Capability {@code database-network}. */
    default void healDatabaseNetwork() {
        throw new UnsupportedOperationException("this environment cannot cut the network between the platform and its database");
    }

    /** Brings every part back to normal after a fault scenario, whatever state it left behind. */
    void restore();
}

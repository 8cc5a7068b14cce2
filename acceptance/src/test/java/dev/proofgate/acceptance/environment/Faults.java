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

    /** Cuts the network between the platform and its database: open connections are reset, new ones refused. */
    void cutDatabaseNetwork();

    /** Delays everything between the platform and its database by {@code latency} in each direction. */
    void slowDatabaseNetwork(Duration latency);

    /** Resets every open connection between the platform and its database once; new ones go through. */
    void resetDatabaseConnections();

    /** Removes every network fault between the platform and its database. */
    void healDatabaseNetwork();

    /** Number of the platform's Python workers alive right now, as the operating system sees them. */
    int liveWorkers();

    /** Brings every part back to normal after a fault scenario, whatever state it left behind. */
    void restore();
}

package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.gate.machine.MachineMeter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A running platform the suite can prove: where it is, what the suite may do to it, and how it
 * describes itself in the report. Modes: embedded (default), containers, compose, remote.
 */
public interface Environment extends AutoCloseable {

    String mode();

    /** Starts (or connects to) the platform and returns when it reports ready. */
    void start();

    String baseUrl();

    String apiKey();

    /** A second API key with a rate limit of its own that the suite can measure, where the environment has one. */
    default Optional<String> limitedApiKey() {
        return Optional.empty();
    }

    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * The faults this environment can inject; only the methods whose {@link Capability} it offers may
     * be called. Environments that offer no destructive capability keep this default.
     */
    default Faults faults() {
        throw new IllegalStateException(
                "the " + mode() + " environment offers no faults; tag the scenario @requires=<capability>");
    }

    /** JDBC coordinates of the platform's database, when the suite may read it. */
    Optional<DatabaseCoordinates> database();

    /** The platform's own log as it stands now, where the suite can read it; attached to failing scenarios. */
    Optional<Path> platformLog();

    /** Where the platform's processes run, seen from there; only where the environment offers {@link Capability#INSPECT_HOST}. */
    default PlatformHost host() {
        throw new IllegalStateException("the " + mode()
                + " environment cannot look at the platform's host; tag the scenario @requires=inspect-host");
    }

    /** The database's own log, attached to failing scenarios where the suite can read it. */
    default Optional<Path> databaseLog() {
        return Optional.empty();
    }

    /**
     * What this environment runs on this machine besides the suite's own child processes (a database
     * started as a daemon, containers): the machine meter counts their CPU as the gate's, not as other work.
     */
    default MachineMeter.OwnParts ownParts() {
        return MachineMeter.OwnParts.none();
    }

    /** Facts for the report's environment panel (versions, URLs; never secrets). */
    Map<String, String> describe();

    @Override
    void close();
}

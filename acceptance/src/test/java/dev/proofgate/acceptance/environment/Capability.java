package dev.proofgate.acceptance.environment;

/**
 * What an environment lets the suite do. A scenario tagged {@code @requires=<tag>} runs only where
 * the environment offers that capability; elsewhere it is reported as not run, never as passed.
 */
public enum Capability {
    /** Read persisted rows directly from the platform's PostgreSQL. */
    READ_DATABASE("database-access"),
    /**
     * Start a Python worker next to the suite and speak the bridge protocol to it. Offered only where
     * that worker is the build under test (embedded), never on behalf of a deployed platform.
     */
    LOCAL_BRIDGE_WORKER("bridge-worker"),
    /** Kill the platform process and start it again on the same database. */
    RESTART_PLATFORM("restart-platform"),
    /** Stop PostgreSQL and start it again with the same data. */
    STOP_DATABASE("stop-database"),
    /** Kill one of the platform's own Python workers. */
    KILL_WORKER("kill-worker"),
    /** Stop the platform gracefully (SIGTERM) and start it again on the same database. */
    STOP_PLATFORM("stop-platform"),
    /** See the platform's own processes and log on this host: worker environments, memory, log lines, throw-away starts. */
    INSPECT_HOST("inspect-host"),
    /** Cut, slow or reset the network between the platform and its database. */
    DATABASE_NETWORK("database-network"),
    /**
     * Call the platform with a second API key whose rate limit is low enough for the suite to measure
     * (the suite's own key is given a limit no test load reaches, so that load scenarios measure the platform).
     */
    RATE_LIMITED_KEY("rate-limited-key");

    private final String tag;

    Capability(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Capability fromTag(String tag) {
        for (Capability capability : values()) {
            if (capability.tag.equals(tag)) {
                return capability;
            }
        }
        throw new IllegalArgumentException("unknown capability '@requires=" + tag + "'; known: "
                + java.util.Arrays.stream(values()).map(Capability::tag).toList());
    }
}

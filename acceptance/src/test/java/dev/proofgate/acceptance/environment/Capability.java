package dev.proofgate.acceptance.environment;

/**
 * What an environment lets the suite do. A scenario tagged {@code @requires=<tag>} runs only where
 * the environment offers that capability; elsewhere it is reported as not run, never as passed.
 */
public enum Capability {
    /** Read persisted rows directly from the platform's PostgreSQL. */
    READ_DATABASE("database-access", false),
    /**
     * Start a Python worker next to the suite and speak the bridge protocol to it. Offered only where
     * that worker is the build under test (embedded), never on behalf of a deployed platform.
     */
    LOCAL_BRIDGE_WORKER("bridge-worker", false),
    /** Kill the platform process and start it again on the same database. */
    RESTART_PLATFORM("restart-platform", true),
    /** Stop PostgreSQL and start it again with the same data. */
    STOP_DATABASE("stop-database", true),
    /** Kill one of the platform's own Python workers. */
    KILL_WORKER("kill-worker", true),
    /** Stop the platform gracefully (SIGTERM) and start it again on the same database. */
    STOP_PLATFORM("stop-platform", true),
    /** See the platform's own processes and log on this host: worker environments, memory, log lines, throw-away starts. */
    INSPECT_HOST("inspect-host", false),
    /** Cut, slow or reset the network between the platform and its database. */
    DATABASE_NETWORK("database-network", true),
    /**
     * Call the platform with a second API key whose rate limit is low enough for the suite to measure
     * (the suite's own key is given a limit no test load reaches, so that load scenarios measure the platform).
     */
    RATE_LIMITED_KEY("rate-limited-key", false);

    private final String tag;
    private final boolean destructive;

    Capability(String tag, boolean destructive) {
        this.tag = tag;
        this.destructive = destructive;
    }

    public String tag() {
        return tag;
    }

    /**
     * A destructive capability damages the platform for everyone while it is used (a worker killed, the
     * database stopped, the platform restarted, its network cut). The one list: a scenario using one holds
     * the platform exclusively in a parallel run and leaves the environment restored; a test checks the
     * exclusive locks in {@code junit-platform.properties} and the tag guide against it.
     */
    public boolean destructive() {
        return destructive;
    }

    public static java.util.List<Capability> destructiveOnes() {
        return java.util.Arrays.stream(values()).filter(Capability::destructive).toList();
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

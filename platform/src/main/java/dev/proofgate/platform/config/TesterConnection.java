package dev.proofgate.platform.config;

/**
 * What a tester needs to point the readiness suite at this running platform, printed at start so
 * nobody digs the embedded PostgreSQL's random port out of postmaster.pid. Secrets are shown only
 * when they are the published local defaults (and then say so); otherwise a placeholder stands in.
 */
public final class TesterConnection {

    private final Settings settings;
    private final int port;
    private final String jdbcUrl;

    public TesterConnection(Settings settings, int port, String jdbcUrl) {
        this.settings = settings;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The JDBC URL without its query part, which may carry credentials. */
    public String databaseUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    public String describe() {
        boolean defaultKey = settings.apiKeys().contains(Settings.DEFAULT_API_KEY);
        return "for testers: platform at " + baseUrl() + ", API key "
                + (defaultKey
                        ? "'" + Settings.DEFAULT_API_KEY + "' (the local default)"
                        : "from PROOFGATE_API_KEYS (not shown)")
                + "; database " + databaseUrl() + " as user '" + settings.databaseUser() + "'"
                + (settings.localMode()
                        ? ", password 'postgres' (the local default of the embedded database)"
                        : ", password not shown");
    }

    /** The exact command that runs the readiness suite in remote mode against this platform. */
    public String remoteCommand() {
        boolean defaultKey = settings.apiKeys().contains(Settings.DEFAULT_API_KEY);
        return "mvn -Preadiness verify -Dproofgate.mode=remote -Dproofgate.base.url=" + baseUrl()
                + " -Dproofgate.api.key=" + (defaultKey ? Settings.DEFAULT_API_KEY : "<your API key>")
                + " -Dproofgate.db.url=" + databaseUrl() + " -Dproofgate.db.user=" + settings.databaseUser()
                + " -Dproofgate.db.password=" + (settings.localMode() ? "postgres" : "<the database password>");
    }
}

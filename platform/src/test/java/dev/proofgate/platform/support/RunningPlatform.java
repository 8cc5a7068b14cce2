package dev.proofgate.platform.support;

import dev.proofgate.platform.Platform;
import dev.proofgate.platform.config.Settings;
import java.util.HashMap;
import java.util.Map;

/** The platform started in-process on a random port against a test database. */
public final class RunningPlatform implements AutoCloseable {

    private final Platform platform;

    public RunningPlatform(TestDatabase database, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("PROOFGATE_PORT", "0");
        env.put("PROOFGATE_DB_URL", database.url());
        env.put("PROOFGATE_API_KEYS", Http.KEY);
        env.put("PROOFGATE_BRIDGE_WORKERS", "1");
        env.put("PROOFGATE_LEASE_SECONDS", "2");
        env.put("PROOFGATE_SHUTDOWN_GRACE_SECONDS", "5");
        env.putAll(overrides);
        this.platform = new Platform(Settings.from(env)).start();
    }

    public int port() {
        return platform.port();
    }

    public Http http() {
        return new Http(port());
    }

    @Override
    public void close() {
        platform.close();
    }
}

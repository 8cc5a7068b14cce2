package dev.proofgate.platform.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Set;

/** Registers routes on Javalin and names each in {@code registered}, so that start-up can check them against the published description. */
final class Routes {

    private final RoutesConfig config;
    private final Set<String> registered;

    Routes(RoutesConfig config, Set<String> registered) {
        this.config = config;
        this.registered = registered;
    }

    void get(String path, Handler handler) {
        registered.add("GET " + path);
        config.get(path, handler);
    }

    void post(String path, Handler handler) {
        registered.add("POST " + path);
        config.post(path, handler);
    }
}

package dev.proofgate.platform.api;

import dev.proofgate.platform.adapter.ModelConfig;
import dev.proofgate.platform.config.Settings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The REST API, /health and /metrics, assembled on Javalin. Every request is logged and timed. A request
 * to /api, other than for the public API description, passes in order: {@link Authentication}, then
 * {@link RateLimiting}, then {@link DeclaredBody}, before its route; every error leaves through {@link ErrorMapping}.
 */
public final class HttpApi {

    private final Settings settings;
    private final ApiDescription description;
    private final RequestTimer timer;
    private final Authentication authentication;
    private final RateLimiting rateLimiting;
    private final DeclaredBody declaredBody;
    private final ErrorMapping errors;
    private final OperationsRoutes operations;
    private final SignatureRoutes signatures;
    private final ProgramRoutes programs;
    private final AdapterRoutes adapters;
    private final ExecutionRoutes executions;

    public HttpApi(Settings settings, ApiServices services, PrometheusMeterRegistry metrics, String version) {
        this.settings = settings;
        this.description = new ApiDescription(version, limits(settings));
        this.timer = new RequestTimer(metrics);
        this.authentication = new Authentication(settings);
        this.rateLimiting = new RateLimiting(settings.rateLimitPerSecond());
        this.declaredBody = new DeclaredBody(settings.bodyLimitBytes());
        this.errors = new ErrorMapping(settings.bodyLimitBytes());
        Health health = new Health(
                services.database(), services.adapters(), services.dispatcher(), services.compiler(), version);
        this.operations = new OperationsRoutes(health, metrics, description);
        this.signatures = new SignatureRoutes(services.signatures(), services.resolver(), services.compiler());
        this.programs = new ProgramRoutes(services.programs(), services.signatures(), services.adapters());
        this.adapters = new AdapterRoutes(services.adapters());
        this.executions =
                new ExecutionRoutes(services.executions(), services.resolver(), services.dispatcher(), metrics);
    }

    public Javalin start() {
        Set<String> registered = new TreeSet<>();
        Javalin app = Javalin.create(config -> {
            configureServer(config);

            config.routes.before(RequestLog::begin);
            config.routes.before(timer::start);
            config.routes.before("/api/*", exceptDescription(authentication));
            config.routes.before("/api/*", exceptDescription(rateLimiting));
            config.routes.before("/api/*", exceptDescription(declaredBody));
            config.routes.after(timer::stop);

            Routes routes = new Routes(config.routes, registered);
            operations.register(routes);
            signatures.register(routes);
            programs.register(routes);
            adapters.register(routes);
            executions.register(routes);

            errors.register(config.routes);
        });
        description.verify(registered);
        return app.start();
    }

    private void configureServer(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.bodyLimitBytes();
        config.jetty.port = settings.port();
        config.jetty.modifyServer(server -> server.setStopTimeout(2_000));
    }

    /** The description is public, as it says of itself: no filter of /api stands before it. */
    private static Handler exceptDescription(Handler filter) {
        return ctx -> {
            if (!ctx.path().equals(ApiDescription.PATH)) {
                filter.handle(ctx);
            }
        };
    }

    /** The limits this instance enforces, published in the API description. */
    private static Map<String, Long> limits(Settings settings) {
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("body_bytes", settings.bodyLimitBytes());
        limits.put("requests_per_second_per_key", (long) settings.rateLimitPerSecond());
        limits.put("auth_failures_per_second", (long) settings.authFailuresPerSecond());
        limits.put("latency_ms", ModelConfig.MAX_LATENCY_MS);
        limits.put("nesting_depth", (long) RequestChecks.MAX_NESTING);
        return limits;
    }
}

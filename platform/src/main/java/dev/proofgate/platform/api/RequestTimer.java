package dev.proofgate.platform.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times every request, into the {@code proofgate_http_requests} timer by method, route and status, and into its access-log line. */
final class RequestTimer {

    private static final String TIMER = "proofgate.timer";
    private static final String STARTED = "proofgate.started";

    private final MeterRegistry metrics;

    RequestTimer(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void start(Context ctx) {
        ctx.attribute(TIMER, Timer.start(metrics));
        ctx.attribute(STARTED, System.nanoTime());
    }

    void stop(Context ctx) {
        Timer.Sample sample = ctx.attribute(TIMER);
        if (sample != null) {
            String route = route(ctx);
            sample.stop(metrics.timer(
                    "proofgate_http_requests",
                    "method",
                    ctx.method().name(),
                    "route",
                    route,
                    "status",
                    Integer.toString(ctx.statusCode())));
            Long started = ctx.attribute(STARTED);
            RequestLog.end(ctx, route, started == null ? 0 : System.nanoTime() - started);
        }
    }

    /** The matched route's path pattern, so that ids do not make a timer each; "unmatched" when no route matched. */
    private static String route(Context ctx) {
        Endpoint endpoint = null;
        try {
            endpoint = ctx.endpoint();
        } catch (RuntimeException ignored) {
            // no matched endpoint (404)
        }
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}

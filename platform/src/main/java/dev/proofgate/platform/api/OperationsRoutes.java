package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What operators and clients read about the platform itself: health, liveness, readiness, metrics and the API description. */
final class OperationsRoutes {

    private final Health health;
    private final PrometheusMeterRegistry metrics;
    private final ApiDescription description;

    OperationsRoutes(Health health, PrometheusMeterRegistry metrics, ApiDescription description) {
        this.health = health;
        this.metrics = metrics;
        this.description = description;
    }

    void register(Routes routes) {
        routes.get("/health", this::healthReport);
        routes.get(
                "/health/live",
                ctx -> JsonReply.send(
                        ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "up")));
        routes.get("/health/ready", this::readiness);
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        routes.get(ApiDescription.PATH, ctx -> JsonReply.send(ctx, 200, description.document()));
    }

    private void healthReport(Context ctx) {
        ObjectNode report = health.report();
        boolean down = "down".equals(report.path("status").asText());
        if (down) {
            ctx.header("Retry-After", "5");
        }
        JsonReply.send(ctx, down ? 503 : 200, report);
    }

    private void readiness(Context ctx) {
        boolean ready = health.ready();
        if (!ready) {
            ctx.header("Retry-After", "5");
        }
        JsonReply.send(
                ctx,
                ready ? 200 : 503,
                JsonNodeFactory.instance.objectNode().put("status", ready ? "ready" : "not_ready"));
    }
}

package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.store.DatabaseUnavailableException;
import dev.proofgate.platform.store.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to one error shape, {@code {"error":{"type","message","details"}}}: the API's own
 * errors, the database out of reach, Javalin's errors, anything unexpected, and the statuses Javalin
 * answers by itself (no route, a method not allowed, a body too large).
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String ERROR_WRITTEN = "proofgate.error-written";

    private final long bodyLimitBytes;

    ErrorMapping(long bodyLimitBytes) {
        this.bodyLimitBytes = bodyLimitBytes;
    }

    void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(DatabaseUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            write(
                    ctx,
                    new ApiException(
                            503,
                            "service_unavailable",
                            "the database is unreachable; the request changed nothing, retry later"));
        });
        routes.exception(
                HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e.getStatus(), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {} (request {})", ctx.method(), ctx.path(), RequestLog.id(ctx), e);
            write(ctx, new ApiException(500, "internal_error", "unexpected error; see the platform log"));
        });
        routes.error(
                404,
                ctx -> unlessWritten(
                        ctx, new ApiException(404, "not_found", "no route " + ctx.method() + " " + ctx.path())));
        routes.error(
                405,
                ctx -> unlessWritten(
                        ctx,
                        new ApiException(
                                405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
        routes.error(413, ctx -> unlessWritten(ctx, ApiException.payloadTooLarge(bodyLimitBytes)));
    }

    private ApiException fromJavalin(int status, String message) {
        return switch (status) {
            case 413 -> ApiException.payloadTooLarge(bodyLimitBytes);
            case 404 -> new ApiException(404, "not_found", message);
            case 405 -> new ApiException(405, "method_not_allowed", message);
            default -> new ApiException(status, status >= 500 ? "internal_error" : "bad_request", message);
        };
    }

    private static void write(Context ctx, ApiException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", e.type());
        error.put("message", e.getMessage());
        error.set("details", Json.MAPPER.valueToTree(e.details()));
        ctx.attribute(ERROR_WRITTEN, true);
        JsonReply.send(ctx, e.status(), body);
    }

    /** An error status already answered in the error shape by an exception mapper keeps that answer. */
    private static void unlessWritten(Context ctx, ApiException e) {
        if (ctx.attribute(ERROR_WRITTEN) == null) {
            write(ctx, e);
        }
    }
}

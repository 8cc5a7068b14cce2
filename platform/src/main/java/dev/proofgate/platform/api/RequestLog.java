package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.store.Json;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id (the client's X-Request-Id when it is sane, a new one otherwise) that the
 * answer returns and one structured (JSON) access-log line records, plus the usual security headers.
 */
final class RequestLog {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "proofgate.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestLog() {}

    static void begin(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.header("Cache-Control", "no-store");
    }

    static String id(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }

    static void end(Context ctx, String route, long nanos) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("event", "http_request");
        line.put("request_id", id(ctx));
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", ctx.statusCode());
        line.put("duration_ms", Math.round(nanos / 1e5) / 10.0);
        String client = Authentication.client(ctx);
        if (client != null) {
            line.put("client", client);
        }
        AccessLog.write(Json.write(line));
    }
}

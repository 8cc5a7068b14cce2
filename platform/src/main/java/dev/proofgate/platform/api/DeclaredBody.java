package dev.proofgate.platform.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refuses a body for what its headers declare, before a route parses it: a {@code Content-Length} over
 * the limit, or, on a POST, a media type other than JSON in UTF-8 ({@link RequestChecks#mediaType}).
 */
final class DeclaredBody implements Handler {

    private final long limitBytes;

    DeclaredBody(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    @Override
    public void handle(Context ctx) {
        String length = ctx.header("Content-Length");
        long declared = length == null ? -1 : parseLong(length);
        if (declared > limitBytes) {
            RefusedBody.discard(ctx, declared, limitBytes);
            throw ApiException.payloadTooLarge(limitBytes);
        }
        if (ctx.method().name().equals("POST")) {
            RequestChecks.mediaType(ctx.header("Content-Type"));
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

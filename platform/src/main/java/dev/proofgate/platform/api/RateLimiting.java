package dev.proofgate.platform.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/**
 * Holds each admitted client to its key's requests per second, a token bucket per client. Every answer
 * names the limit in {@code RateLimit-Limit}; a refusal says in {@code Retry-After} when to try again.
 */
final class RateLimiting implements Handler {

    private final RateLimiter buckets;

    RateLimiting(int requestsPerSecond) {
        this.buckets = new RateLimiter(requestsPerSecond);
    }

    @Override
    public void handle(Context ctx) {
        int limit = Authentication.requestsPerSecond(ctx);
        ctx.header("RateLimit-Limit", Integer.toString(limit));
        long retryAfter = buckets.acquire(Authentication.client(ctx), limit);
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new ApiException(
                    429,
                    "rate_limited",
                    "more than " + limit + " requests per second for this key",
                    Map.of("limit_per_second", limit, "retry_after_seconds", retryAfter));
        }
    }
}

package dev.proofgate.platform.api;

import dev.proofgate.platform.config.Settings;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Admits a request only with a valid API key ({@code Authorization: Bearer <key>} or {@code X-API-Key}),
 * compared in constant time. An admitted request carries its client's name and its key's rate limit.
 * Guessing keys costs like any other traffic: failed attempts are throttled per client address.
 */
final class Authentication implements Handler {

    private static final String CLIENT = "client";
    private static final String REQUESTS_PER_SECOND = "proofgate.requests-per-second";

    private final Settings settings;
    private final List<byte[]> apiKeys;
    private final RateLimiter failures;

    Authentication(Settings settings) {
        this.settings = settings;
        this.apiKeys = settings.apiKeys().stream()
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.failures = new RateLimiter(settings.authFailuresPerSecond());
    }

    @Override
    public void handle(Context ctx) {
        String key = presentedKey(ctx);
        byte[] presented = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        if (presented == null || apiKeys.stream().noneMatch(k -> MessageDigest.isEqual(k, presented))) {
            throw refusal(ctx);
        }
        ctx.attribute(CLIENT, clientName(key));
        ctx.attribute(REQUESTS_PER_SECOND, settings.rateLimitOf(key));
    }

    /** The name of the admitted request's client, or null before admission. */
    static String client(Context ctx) {
        return ctx.attribute(CLIENT);
    }

    /** The requests per second the admitted request's key may make. */
    static int requestsPerSecond(Context ctx) {
        return ctx.<Integer>attribute(REQUESTS_PER_SECOND);
    }

    private ApiException refusal(Context ctx) {
        long wait = failures.acquire("address:" + ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            return new ApiException(
                    429,
                    "rate_limited",
                    "more than " + settings.authFailuresPerSecond()
                            + " requests without a valid key per second from this address",
                    Map.of("limit_per_second", settings.authFailuresPerSecond(), "retry_after_seconds", wait));
        }
        ctx.header("WWW-Authenticate", "Bearer");
        return new ApiException(
                401, "unauthorized", "a valid API key is required (Authorization: Bearer <key> or X-API-Key)");
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return ctx.header("X-API-Key");
    }

    /** A stable, non-secret name for a key: the first 16 hex digits of its SHA-256. */
    private static String clientName(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

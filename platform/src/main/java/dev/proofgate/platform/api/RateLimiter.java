package dev.proofgate.platform.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per client: its rate sustained, bursts up to one second's worth. */
final class RateLimiter {

    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes a token; returns 0 when allowed, else the seconds to wait before trying again. */
    long acquire(String key) {
        return acquire(key, perSecond);
    }

    /** Takes a token from a client whose rate is its own. */
    long acquire(String key, double rate) {
        return buckets.computeIfAbsent(key, k -> new Bucket(rate)).take(rate);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double capacity) {
            this.tokens = capacity;
        }

        synchronized long take(double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}

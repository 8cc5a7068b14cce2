package dev.proofgate.acceptance.budgets;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a budget row may limit, as product owners write it, with its unit, the direction of the
 * limit and the least evidence needed to decide it. A percentile p needs at least 10 / (1 - p)
 * samples, so that ten samples lie beyond it: p50 needs 20, p95 200, p99 1,000.
 */
public enum Measure {
    P50_LATENCY("p50 latency", "ms", Bound.AT_MOST, 50),
    P95_LATENCY("p95 latency", "ms", Bound.AT_MOST, 95),
    P99_LATENCY("p99 latency", "ms", Bound.AT_MOST, 99),
    THROUGHPUT("throughput", "per second", Bound.AT_LEAST, 0),
    ERROR_RATE("error rate", "%", Bound.AT_MOST, 0),
    PLATFORM_MEMORY("platform memory", "MB", Bound.AT_MOST, 0),
    MEMORY_GROWTH("memory growth", "MB", Bound.AT_MOST, 0),
    SUSTAINABLE_CONCURRENCY("sustainable concurrency", "clients", Bound.AT_LEAST, 0);

    /** The error rate is decided on at least this many attempts. */
    public static final long MIN_ATTEMPTS_FOR_ERROR_RATE = 100;

    public enum Bound {
        AT_MOST("at most"), AT_LEAST("at least");

        private final String words;

        Bound(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final String words;
    private final String unit;
    private final Bound bound;
    private final double percentile;

    Measure(String words, String unit, Bound bound, double percentile) {
        this.words = words;
        this.unit = unit;
        this.bound = bound;
        this.percentile = percentile;
    }

    public String words() {
        return words;
    }

    public String unit() {
        return unit;
    }

    public Bound bound() {
        return bound;
    }

    public boolean isPercentile() {
        return percentile > 0;
    }

    public double percentile() {
        return percentile;
    }

    public boolean isLatencyOrRate() {
        return isPercentile() || this == THROUGHPUT;
    }

    /** Decided by how fast the platform was: the machine's disturbance can explain a breach (latency, rate, concurrency at a latency). */
    public boolean isTiming() {
        return isLatencyOrRate() || this == SUSTAINABLE_CONCURRENCY;
    }

    public long minimumSamples() {
        return isPercentile() ? (long) Math.ceil(10 / (1 - percentile / 100) - 1e-9) : this == ERROR_RATE ? MIN_ATTEMPTS_FOR_ERROR_RATE : 0;
    }

    public static Measure named(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.words.equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown measure '" + text + "' in a budget table; known: " + Arrays.stream(values()).map(Measure::words).toList()));
    }
}

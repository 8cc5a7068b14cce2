package dev.proofgate.acceptance.budgets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a budget row may limit, as product owners write it, with its unit, the direction of the
 * limit, the kind of figure it is and the least evidence needed to decide it. A percentile p of a
 * load needs at least 10 / (1 - p) samples, so that ten samples lie beyond it: p50 needs 20, p95
 * 200, p99 1,000.
 */
public enum Measure {
    P50_LATENCY("p50 latency", Unit.DURATION, Bound.AT_MOST, Kind.LOAD, 50),
    P95_LATENCY("p95 latency", Unit.DURATION, Bound.AT_MOST, Kind.LOAD, 95),
    P99_LATENCY("p99 latency", Unit.DURATION, Bound.AT_MOST, Kind.LOAD, 99),
    THROUGHPUT("throughput", Unit.PER_SECOND, Bound.AT_LEAST, Kind.LOAD, 0),
    ERROR_RATE("error rate", Unit.PERCENT, Bound.AT_MOST, Kind.LOAD, 0),
    PLATFORM_MEMORY("platform memory", Unit.MEGABYTES, Bound.AT_MOST, Kind.LOAD, 0),
    MEMORY_GROWTH("memory growth", Unit.MEGABYTES, Bound.AT_MOST, Kind.LOAD, 0),
    SUSTAINABLE_CONCURRENCY("sustainable concurrency", Unit.CLIENTS, Bound.AT_LEAST, Kind.LOAD, 0),

    WORKER_POOL_BACK("worker pool back at full strength", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),
    READY_AGAIN("ready again after the fault", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),
    READY_AFTER_RESTART("ready after the restart", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),
    STOPPED_AFTER_REQUEST("stopped after the request to stop", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),
    SERVING_AGAIN("serving again after the fault", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),
    FIRST_COMPLETION("first completion after the fault", Unit.DURATION, Bound.AT_MOST, Kind.RECOVERY, 0),

    ALL_ACCEPTED_FINISHED("time for every accepted execution to finish", Unit.DURATION, Bound.AT_MOST, Kind.LEDGER, 0),
    LOST("lost", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    FAILED("failed", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    COMPLETED_MORE_THAN_ONCE("completed more than once", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    RUN_MORE_THAN_ONCE("run more than once", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    MOST_ATTEMPTS("most attempts of one execution", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    REFUSED("refused", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),
    NO_ANSWER("no answer", Unit.COUNT, Bound.AT_MOST, Kind.LEDGER, 0),

    P50_ANSWER_TIME("p50 time from asking to answer", Unit.DURATION, Bound.AT_MOST, Kind.ANSWER_TIME, 50),
    P95_ANSWER_TIME("p95 time from asking to answer", Unit.DURATION, Bound.AT_MOST, Kind.ANSWER_TIME, 95),
    P99_ANSWER_TIME("p99 time from asking to answer", Unit.DURATION, Bound.AT_MOST, Kind.ANSWER_TIME, 99);

    /** The error rate is decided on at least this many attempts. */
    public static final long MIN_ATTEMPTS_FOR_ERROR_RATE = 100;

    public enum Bound {
        AT_MOST("at most"),
        AT_LEAST("at least");

        private final String words;

        Bound(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * The unit a figure is kept in, and the words a limit may use for it: a duration is kept in
     * milliseconds and written in {@code ms} or {@code s}; a count is written without a unit.
     */
    public enum Unit {
        DURATION("ms"),
        PER_SECOND("per second"),
        PERCENT("%"),
        MEGABYTES("MB"),
        CLIENTS("clients"),
        COUNT("");

        private final String words;

        Unit(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** The factor that brings a limit written in {@code written} to this unit, or 0 when this unit cannot be written so. */
        double factor(String written) {
            if (this == DURATION && written.equals("s")) {
                return 1000;
            }
            return written.equals(words.toLowerCase(Locale.ROOT)) ? 1 : 0;
        }

        /** How a limit in this unit is written, for a message: "'ms' or 's'", "'per second'", "no unit". */
        String accepted() {
            return this == DURATION ? "'ms' or 's'" : this == COUNT ? "no unit (a count)" : "'" + words + "'";
        }
    }

    /** The figures one kind of budget step measures: a load, the recovery from a fault, the ledger after it, answer times. */
    public enum Kind {
        LOAD,
        RECOVERY,
        LEDGER,
        ANSWER_TIME;

        public List<Measure> measures() {
            return Arrays.stream(Measure.values()).filter(m -> m.kind == this).toList();
        }
    }

    private final String words;
    private final Unit unit;
    private final Bound bound;
    private final Kind kind;
    private final double percentile;

    Measure(String words, Unit unit, Bound bound, Kind kind, double percentile) {
        this.words = words;
        this.unit = unit;
        this.bound = bound;
        this.kind = kind;
        this.percentile = percentile;
    }

    public String words() {
        return words;
    }

    /** The unit a figure of this measure is given in: "ms", "per second", "%", "MB", "clients", or "" for a count. */
    public String unit() {
        return unit.words();
    }

    public Unit unitKind() {
        return unit;
    }

    public Bound bound() {
        return bound;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPercentile() {
        return percentile > 0;
    }

    public double percentile() {
        return percentile;
    }

    public boolean isLatencyOrRate() {
        return kind == Kind.LOAD && isPercentile() || this == THROUGHPUT;
    }

    /** Decided by how fast the platform was: the machine's disturbance can explain a breach (latency, rate, concurrency at a latency). */
    public boolean isTiming() {
        return isLatencyOrRate() || this == SUSTAINABLE_CONCURRENCY;
    }

    public long minimumSamples() {
        return isPercentile()
                ? (long) Math.ceil(10 / (1 - percentile / 100) - 1e-9)
                : this == ERROR_RATE ? MIN_ATTEMPTS_FOR_ERROR_RATE : 0;
    }

    /** The measure of that name among {@code known}, or empty. */
    public static java.util.Optional<Measure> named(String text, List<Measure> known) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return known.stream().filter(m -> m.words.equals(wanted)).findFirst();
    }

    public static List<Measure> all() {
        return List.of(values());
    }
}

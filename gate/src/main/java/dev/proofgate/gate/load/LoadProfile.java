package dev.proofgate.gate.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How load is offered: the model and its phases, in order.
 * <ul>
 *   <li>{@link Model#CLOSED}: a number of virtual users, each waiting for its answer (and the think
 *   time) before the next request; a slow system slows the load down, as real users would.</li>
 *   <li>{@link Model#OPEN}: arrivals per second on a fixed schedule, whatever the system does; latency
 *   is measured from each request's intended start, so waiting behind a slow request counts
 *   (coordinated omission corrected).</li>
 * </ul>
 * A phase's level is users (closed) or arrivals per second (open); its shape is constant, a linear
 * ramp from one level to another, or bursts (the peak level for the first second of every five, the
 * base level otherwise). Warm-up phases are run and charted but excluded from the verdict.
 */
public record LoadProfile(Model model, List<Phase> phases, Duration thinkTime, int maxInFlight) {

    public enum Model {
        CLOSED,
        OPEN
    }

    public enum Shape {
        CONSTANT,
        RAMP,
        BURST
    }

    public static final Duration BURST_PERIOD = Duration.ofSeconds(5);
    public static final Duration BURST_LENGTH = Duration.ofSeconds(1);
    /** Open model: requests in flight at most (one connection each); more waiting work queues, and the queueing counts as latency. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    public LoadProfile {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a load profile needs at least one phase");
        }
        phases = List.copyOf(phases);
    }

    public record Phase(String name, Duration duration, Shape shape, double from, double to, boolean measured) {

        /** The level (users or arrivals per second) this far into the phase. */
        public double level(long elapsedNanos) {
            return switch (shape) {
                case CONSTANT -> from;
                case RAMP -> from + (to - from) * Math.min(1.0, (double) elapsedNanos / duration.toNanos());
                case BURST -> elapsedNanos % BURST_PERIOD.toNanos() < BURST_LENGTH.toNanos() ? to : from;
            };
        }

        public double highestLevel() {
            return Math.max(from, to);
        }

        String describe() {
            String level = switch (shape) {
                case CONSTANT -> fmt(from);
                case RAMP -> fmt(from) + "->" + fmt(to);
                case BURST -> fmt(from) + " with bursts of " + fmt(to);
            };
            return name + " " + duration.toMillis() / 1000.0 + " s at " + level;
        }

        private static String fmt(double value) {
            return value == Math.rint(value)
                    ? Long.toString((long) value)
                    : String.format(java.util.Locale.ROOT, "%.1f", value);
        }
    }

    public static Builder closed(int users) {
        return new Builder(Model.CLOSED, users);
    }

    public static Builder open(double arrivalsPerSecond) {
        return new Builder(Model.OPEN, arrivalsPerSecond);
    }

    public Duration totalDuration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public double highestLevel() {
        return phases.stream().mapToDouble(Phase::highestLevel).max().orElse(0);
    }

    public String describe() {
        StringBuilder text =
                new StringBuilder(model == Model.CLOSED ? "closed model (users)" : "open model (arrivals/s)");
        if (model == Model.CLOSED && !thinkTime.isZero()) {
            text.append(", think time ").append(thinkTime.toMillis()).append(" ms");
        }
        phases.forEach(phase -> text.append("; ").append(phase.describe()));
        return text.toString();
    }

    /** Phases in the order they run; the level given to {@link #closed}/{@link #open} is the steady level. */
    public static final class Builder {
        private final Model model;
        private final double level;
        private final List<Phase> phases = new ArrayList<>();
        private Duration thinkTime = Duration.ZERO;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

        private Builder(Model model, double level) {
            if (level <= 0) {
                throw new IllegalArgumentException("a load level must be positive, got " + level);
            }
            this.model = model;
            this.level = level;
        }

        public Builder thinkTime(Duration thinkTime) {
            this.thinkTime = thinkTime;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder warmUp(Duration duration) {
            return phase(new Phase("warm-up", duration, Shape.CONSTANT, level, level, false));
        }

        public Builder steady(Duration duration) {
            return phase(new Phase("steady", duration, Shape.CONSTANT, level, level, true));
        }

        public Builder ramp(Duration duration, double from, double to) {
            return phase(new Phase("ramp", duration, Shape.RAMP, from, to, true));
        }

        public Builder peak(Duration duration, double peakLevel) {
            return phase(new Phase("peak", duration, Shape.CONSTANT, peakLevel, peakLevel, true));
        }

        public Builder burst(Duration duration, double peakLevel) {
            return phase(new Phase("burst", duration, Shape.BURST, level, peakLevel, true));
        }

        public Builder phase(Phase phase) {
            phases.add(phase);
            return this;
        }

        public LoadProfile build() {
            return new LoadProfile(model, phases, thinkTime, maxInFlight);
        }
    }
}

package dev.proofgate.acceptance.budgets;

import dev.proofgate.gate.load.LoadDriver;
import dev.proofgate.gate.load.LoadResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures a budget table is decided on, each with the number of samples behind it, and the
 * reasons a figure could not be measured or was disturbed.
 */
public final class Measurements {

    public record Figure(double value, long samples) {}

    private final Map<Measure, Figure> figures = new EnumMap<>(Measure.class);
    private final Map<Measure, String> unavailable = new EnumMap<>(Measure.class);
    private String disturbance;
    private boolean errorsAreMissedStartsOnly;

    /** Latency, throughput and error rate of the measured phases; memory from the watched gauge, if any. */
    public static Measurements of(LoadResult result) {
        Measurements m = new Measurements();
        LoadResult.PhaseResult measured = result.measured();
        long ok = measured.successes();
        m.figures.put(Measure.P50_LATENCY, new Figure(measured.percentileMs(50), ok));
        m.figures.put(Measure.P95_LATENCY, new Figure(measured.percentileMs(95), ok));
        m.figures.put(Measure.P99_LATENCY, new Figure(measured.percentileMs(99), ok));
        m.figures.put(Measure.THROUGHPUT, new Figure(measured.throughput(), ok));
        m.figures.put(Measure.ERROR_RATE, new Figure(measured.errorRate() * 100, measured.attempts()));
        m.errorsAreMissedStartsOnly = measured.errors() == 0 && measured.missed() > 0;
        if (result.generatorFellBehind()) {
            m.disturbance = String.format(
                    Locale.ROOT,
                    "the load generator fell behind its schedule: %.1f%% of starts were more than %d ms late on its side (tolerated %.0f%%)",
                    result.lateShare() * 100,
                    LoadDriver.LATE_START_MICROS / 1000,
                    LoadResult.LATE_SHARE_TOLERATED * 100);
        }
        List<Long> gauge = result.measuredGauge();
        if (result.gaugeName() == null || gauge.isEmpty()) {
            m.unavailable(
                    Measure.PLATFORM_MEMORY,
                    "the platform's process memory was not sampled (the environment does not run the platform on this machine)");
            m.unavailable(
                    Measure.MEMORY_GROWTH,
                    "the platform's process memory was not sampled (the environment does not run the platform on this machine)");
        } else {
            long peak = gauge.stream().mapToLong(Long::longValue).max().orElseThrow();
            m.figures.put(Measure.PLATFORM_MEMORY, new Figure(peak / 1_048_576.0, gauge.size()));
            if (gauge.size() < 3) {
                m.unavailable(
                        Measure.MEMORY_GROWTH,
                        "memory growth needs at least 3 samples (one a second) over the measured phases, had "
                                + gauge.size());
            } else {
                m.figures.put(
                        Measure.MEMORY_GROWTH,
                        new Figure((gauge.get(gauge.size() - 1) - gauge.get(0)) / 1_048_576.0, gauge.size()));
            }
        }
        return m;
    }

    public Measurements with(Measure measure, double value, long samples) {
        figures.put(measure, new Figure(value, samples));
        unavailable.remove(measure);
        return this;
    }

    public Measurements unavailable(Measure measure, String why) {
        figures.remove(measure);
        unavailable.put(measure, why);
        return this;
    }

    public Optional<Figure> figure(Measure measure) {
        return Optional.ofNullable(figures.get(measure));
    }

    public String whyUnavailable(Measure measure) {
        return unavailable.getOrDefault(measure, "the " + measure.words() + " is not measured by this scenario's load");
    }

    /**
     * The error rate counts only arrivals the open model never started because every virtual user was
     * still waiting on a slow answer: a timing figure, not an answer the platform got wrong.
     */
    public boolean errorsAreMissedStartsOnly() {
        return errorsAreMissedStartsOnly;
    }

    /** Set when the run was disturbed: latency and throughput rows cannot be decided. */
    public Optional<String> disturbance() {
        return Optional.ofNullable(disturbance);
    }
}

package dev.proofgate.gate.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.gate.support.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured: per phase a latency histogram (microseconds), successes, errors and
 * open-model arrivals that never started; a once-a-second timeline; how late the generator itself
 * was; the first distinct error messages.
 */
public record LoadResult(
        String name,
        LoadProfile profile,
        List<PhaseResult> phases,
        List<Sample> timeline,
        Histogram generatorLag,
        long lateStarts,
        double elapsedSeconds,
        Map<String, Long> errors,
        String gaugeName) {

    /** Open model: more than this share of starts late on the generator's side makes a run disturbed. */
    public static final double LATE_SHARE_TOLERATED = 0.05;

    public record PhaseResult(LoadProfile.Phase phase, Histogram latency, long errors, long missed, double seconds) {

        public long successes() {
            return latency.getTotalCount();
        }

        public long attempts() {
            return successes() + errors + missed;
        }

        public double throughput() {
            return seconds <= 0 ? 0 : successes() / seconds;
        }

        public double errorRate() {
            return attempts() == 0 ? 0 : (double) (errors + missed) / attempts();
        }

        public double percentileMs(double percentile) {
            return LoadDriver.ms(latency, percentile);
        }

        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "%,d ok, %d errors%s, %,.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                    successes(),
                    errors,
                    missed > 0 ? ", " + missed + " never started" : "",
                    throughput(),
                    percentileMs(50),
                    percentileMs(95),
                    percentileMs(99),
                    successes() == 0 ? 0 : latency.getMaxValue() / 1000.0);
        }
    }

    /** One second of the run; {@code gauge} is the watched figure at that second, if any. */
    public record Sample(
            long second, String phase, long count, long errors, double p50Ms, double p99Ms, double maxMs, Long gauge) {}

    /** Every measured (non-warm-up) phase taken together: what budgets are decided on. */
    public PhaseResult measured() {
        List<PhaseResult> measured =
                phases.stream().filter(p -> p.phase().measured()).toList();
        if (measured.isEmpty()) {
            throw new IllegalStateException("the load profile has no measured phase: " + profile.describe());
        }
        Histogram latency = LoadDriver.histogram();
        long errors = 0;
        long missed = 0;
        double seconds = 0;
        for (PhaseResult phase : measured) {
            latency.add(phase.latency());
            errors += phase.errors();
            missed += phase.missed();
            seconds += phase.seconds();
        }
        LoadProfile.Phase first = measured.get(0).phase();
        String names =
                String.join("+", measured.stream().map(p -> p.phase().name()).toList());
        return new PhaseResult(
                new LoadProfile.Phase(names, first.duration(), first.shape(), first.from(), first.to(), true),
                latency,
                errors,
                missed,
                seconds);
    }

    /** Open model: starts later than {@link LoadDriver#LATE_START_MICROS} on the generator's side, over every scheduled start. */
    public double lateShare() {
        long parked = generatorLag.getTotalCount();
        return parked == 0 ? 0 : (double) lateStarts / parked;
    }

    /** The generator fell behind its own schedule: latencies and rates of this run cannot decide a budget. */
    public boolean generatorFellBehind() {
        return profile.model() == LoadProfile.Model.OPEN && lateShare() > LATE_SHARE_TOLERATED;
    }

    /** The watched figure over the measured phases: first, last and highest sample. */
    public List<Long> measuredGauge() {
        List<String> measuredNames = phases.stream()
                .filter(p -> p.phase().measured())
                .map(p -> p.phase().name())
                .toList();
        return timeline.stream()
                .filter(s -> measuredNames.contains(s.phase()) || "end".equals(s.phase()))
                .map(Sample::gauge)
                .filter(Objects::nonNull)
                .toList();
    }

    public String summaryJson() {
        ObjectNode root = Json.object();
        root.put("operation", name);
        root.put("profile", profile.describe());
        root.put("elapsed_seconds", round(elapsedSeconds));
        var phaseArray = root.putArray("phases");
        for (PhaseResult phase : phases) {
            phaseArray.add(phaseJson(phase));
        }
        root.set("measured", phaseJson(measured()));
        ObjectNode generator = root.putObject("generator");
        generator.put("model", profile.model().name().toLowerCase(Locale.ROOT));
        generator.put("scheduled_starts_waited_for", generatorLag.getTotalCount());
        generator.put("starts_late_over_ms", LoadDriver.LATE_START_MICROS / 1000);
        generator.put("late_starts", lateStarts);
        generator.put("late_share", round(lateShare()));
        generator.put("lag_p99_ms", round(LoadDriver.ms(generatorLag, 99)));
        generator.put("fell_behind", generatorFellBehind());
        if (gaugeName != null) {
            List<Long> gauge = measuredGauge();
            ObjectNode watched = root.putObject("watched");
            watched.put("name", gaugeName);
            if (!gauge.isEmpty()) {
                watched.put("first_mb", gauge.get(0) / 1_048_576);
                watched.put("last_mb", gauge.get(gauge.size() - 1) / 1_048_576);
                watched.put(
                        "peak_mb",
                        gauge.stream().mapToLong(Long::longValue).max().orElse(0) / 1_048_576);
            }
        }
        ObjectNode errorNode = root.putObject("errors");
        errors.forEach(errorNode::put);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode phaseJson(PhaseResult phase) {
        ObjectNode node = Json.object();
        node.put("phase", phase.phase().name());
        node.put("shape", phase.phase().shape().name().toLowerCase(Locale.ROOT));
        node.put("level_from", phase.phase().from());
        node.put("level_to", phase.phase().to());
        node.put("seconds", round(phase.seconds()));
        node.put("successes", phase.successes());
        node.put("errors", phase.errors());
        node.put("never_started", phase.missed());
        node.put("throughput_per_second", round(phase.throughput()));
        node.put("error_rate", round(phase.errorRate()));
        ObjectNode latency = node.putObject("latency_ms");
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            latency.put(
                    "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)),
                    round(phase.percentileMs(p)));
        }
        latency.put("mean", round(phase.successes() == 0 ? 0 : phase.latency().getMean() / 1000.0));
        latency.put("max", round(phase.successes() == 0 ? 0 : phase.latency().getMaxValue() / 1000.0));
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

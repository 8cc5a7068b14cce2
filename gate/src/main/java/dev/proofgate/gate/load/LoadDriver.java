package dev.proofgate.gate.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Offers load to a {@link TimedOperation} as a {@link LoadProfile} says and records every latency
 * in HdrHistogram (microseconds). Once a second it takes an interval sample (the latency-over-time
 * chart), every few seconds it prints a progress line, and at the end it returns a {@link LoadResult}.
 *
 * <p>Why our own driver and not Gatling: the operations to time are not only HTTP calls (a bridge
 * round trip, a submission followed to completion, a compile), the result has to be decided inside a
 * Cucumber step and attached to it, and a Gatling run is a separate simulation with its own
 * lifecycle and ~10 s of start-up per run. See docs/benchmarks.md.
 */
public final class LoadDriver {

    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final long SAMPLE_NANOS = 1_000_000_000L;
    /** Open model: a start later than this on the generator's own side (not behind a slow request) is a disturbance. */
    public static final long LATE_START_MICROS = 20_000;

    private static final int ERRORS_KEPT = 10;

    private final String name;
    private final PrintStream console;
    private final int progressEverySeconds;
    private final LongSupplier gauge;
    private final String gaugeName;

    public LoadDriver(String name) {
        this(name, System.out, 5, null, null);
    }

    private LoadDriver(
            String name, PrintStream console, int progressEverySeconds, String gaugeName, LongSupplier gauge) {
        this.name = name;
        this.console = console;
        this.progressEverySeconds = progressEverySeconds;
        this.gaugeName = gaugeName;
        this.gauge = gauge;
    }

    /** Also samples a figure once a second (for example the platform's resident memory in bytes). */
    public LoadDriver watching(String gaugeName, LongSupplier gauge) {
        return new LoadDriver(name, console, progressEverySeconds, gaugeName, gauge);
    }

    public LoadResult run(TimedOperation operation, LoadProfile profile) {
        return new Run(operation, profile).execute();
    }

    private final class Run {
        private final TimedOperation operation;
        private final LoadProfile profile;
        private final List<LoadProfile.Phase> phases;
        private final long[] phaseEnds;
        private final List<Recorder> recorders = new ArrayList<>();
        private final List<Histogram> phaseTotals = new ArrayList<>();
        private final AtomicLong[] phaseErrors;
        private final long[] errorsSampled;
        private final AtomicLong[] phaseMissed;
        private final Histogram overall = histogram();
        private final Recorder generatorLag = new Recorder(HIGHEST_MICROS, 3);
        private final Histogram generatorLagTotal = histogram();
        private final Map<String, AtomicLong> errorMessages = new ConcurrentHashMap<>();
        private final List<LoadResult.Sample> timeline = new ArrayList<>();
        private final long endNanos;
        private long startNanos;
        private volatile boolean stopped;
        private long sampledErrorsTotal;

        Run(TimedOperation operation, LoadProfile profile) {
            this.operation = operation;
            this.profile = profile;
            this.phases = profile.phases();
            this.phaseEnds = new long[phases.size()];
            long end = 0;
            for (int i = 0; i < phases.size(); i++) {
                end += phases.get(i).duration().toNanos();
                phaseEnds[i] = end;
                recorders.add(new Recorder(HIGHEST_MICROS, 3));
                phaseTotals.add(histogram());
            }
            this.endNanos = end;
            this.phaseErrors = counters(phases.size());
            this.phaseMissed = counters(phases.size());
            this.errorsSampled = new long[phases.size()];
        }

        LoadResult execute() {
            ScheduledExecutorService sampler =
                    Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-sampler-" + name));
            List<Thread> threads = new ArrayList<>();
            startNanos = System.nanoTime();
            sampler.scheduleAtFixedRate(this::sample, SAMPLE_NANOS, SAMPLE_NANOS, TimeUnit.NANOSECONDS);
            console.printf(Locale.ROOT, "[load] %s: %s%n", name, profile.describe());
            if (profile.model() == LoadProfile.Model.CLOSED) {
                int users = (int) Math.ceil(profile.highestLevel());
                for (int user = 0; user < users; user++) {
                    int index = user;
                    threads.add(start(() -> virtualUser(index), "load-user-" + user));
                }
            } else {
                ArrivalSchedule schedule = new ArrivalSchedule();
                int workers = Math.max(1, profile.maxInFlight());
                for (int worker = 0; worker < workers; worker++) {
                    threads.add(start(() -> arrivals(schedule), "load-arrivals-" + worker));
                }
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            long elapsed = System.nanoTime() - startNanos;
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
            LoadResult result = result(elapsed);
            boolean measured =
                    result.phases().stream().anyMatch(phase -> phase.phase().measured());
            console.printf(
                    Locale.ROOT,
                    "[load] %s done: %s%n",
                    name,
                    measured ? result.measured().describe() : "(warm-up only)");
            return result;
        }

        /** Closed model: this user is active while its index is below the current level. */
        private void virtualUser(int index) {
            long thinkNanos = profile.thinkTime().toNanos();
            while (!stopped) {
                long now = System.nanoTime() - startNanos;
                int phase = phaseAt(now);
                if (phase < 0) {
                    return;
                }
                long phaseStart = phase == 0 ? 0 : phaseEnds[phase - 1];
                if (index >= phases.get(phase).level(now - phaseStart)) {
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                perform(phase, System.nanoTime());
                if (thinkNanos > 0) {
                    LockSupport.parkNanos(thinkNanos);
                }
            }
        }

        /** Open model: take the next intended start; wait for it if early; measure from it, however late. */
        private void arrivals(ArrivalSchedule schedule) {
            while (!stopped) {
                long intended = schedule.next();
                if (intended < 0) {
                    return;
                }
                long now = System.nanoTime() - startNanos;
                if (intended > now) {
                    LockSupport.parkNanos(intended - now);
                    long woke = System.nanoTime() - startNanos;
                    generatorLag.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, woke - intended) / 1_000));
                }
                perform(phaseAt(intended), startNanos + intended);
            }
        }

        private void perform(int phase, long measuredFrom) {
            try {
                operation.perform();
                long micros = Math.max(1, (System.nanoTime() - measuredFrom) / 1_000);
                recorders.get(phase).recordValue(Math.min(HIGHEST_MICROS, micros));
            } catch (Exception | AssertionError e) {
                phaseErrors[phase].incrementAndGet();
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (errorMessages.size() < ERRORS_KEPT || errorMessages.containsKey(message)) {
                    errorMessages
                            .computeIfAbsent(message, m -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        }

        private int phaseAt(long elapsedNanos) {
            for (int i = 0; i < phaseEnds.length; i++) {
                if (elapsedNanos < phaseEnds[i]) {
                    return i;
                }
            }
            return -1;
        }

        /** Intended start times (nanoseconds from the start), spaced by the level of the phase they fall in. */
        private final class ArrivalSchedule {
            private long next;
            /** Past the end plus this grace, work still queued behind a slow system is counted as missed. */
            private final long giveUpAt = endNanos + Math.max(5_000_000_000L, endNanos / 5);

            synchronized long next() {
                while (true) {
                    int phase = phaseAt(next);
                    if (phase < 0) {
                        return -1;
                    }
                    long phaseStart = phase == 0 ? 0 : phaseEnds[phase - 1];
                    double rate = phases.get(phase).level(next - phaseStart);
                    long intended = next;
                    if (rate <= 0) {
                        next = Math.min(phaseEnds[phase], next + 1_000_000);
                        continue;
                    }
                    next += (long) (1e9 / rate);
                    if (System.nanoTime() - startNanos > giveUpAt) {
                        phaseMissed[phase].incrementAndGet();
                        continue;
                    }
                    return intended;
                }
            }
        }

        private synchronized void sample() {
            long second = (System.nanoTime() - startNanos) / SAMPLE_NANOS;
            Histogram interval = histogram();
            long errors = 0;
            for (int i = 0; i < recorders.size(); i++) {
                Histogram phaseInterval = recorders.get(i).getIntervalHistogram();
                phaseTotals.get(i).add(phaseInterval);
                interval.add(phaseInterval);
                long phaseErrorCount = phaseErrors[i].get();
                errors += phaseErrorCount - errorsSampled[i];
                errorsSampled[i] = phaseErrorCount;
            }
            generatorLagTotal.add(generatorLag.getIntervalHistogram());
            overall.add(interval);
            sampledErrorsTotal += errors;
            int phase = phaseAt(System.nanoTime() - startNanos - SAMPLE_NANOS / 2);
            OptionalLong gaugeValue = gauge == null ? OptionalLong.empty() : read(gauge);
            LoadResult.Sample sample = new LoadResult.Sample(
                    second,
                    phase < 0 ? "end" : phases.get(phase).name(),
                    interval.getTotalCount(),
                    errors,
                    ms(interval, 50),
                    ms(interval, 99),
                    interval.getTotalCount() == 0 ? 0 : interval.getMaxValue() / 1000.0,
                    gaugeValue.isPresent() ? gaugeValue.getAsLong() : null);
            timeline.add(sample);
            if (second > 0 && second % progressEverySeconds == 0) {
                console.printf(
                        Locale.ROOT,
                        "[load] %s %3d s  %-8s rate %,8.0f/s  p50 %7.2f ms  p99 %8.2f ms (so far)  errors %d%s%n",
                        name,
                        second,
                        sample.phase(),
                        (double) interval.getTotalCount(),
                        ms(overall, 50),
                        ms(overall, 99),
                        sampledErrorsTotal,
                        gaugeValue.isPresent()
                                ? "  " + gaugeName + " " + gaugeValue.getAsLong() / 1_048_576 + " MB"
                                : "");
            }
        }

        private LoadResult result(long elapsedNanos) {
            List<LoadResult.PhaseResult> results = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                LoadProfile.Phase phase = phases.get(i);
                double seconds = phase.duration().toNanos() / 1e9;
                results.add(new LoadResult.PhaseResult(
                        phase, phaseTotals.get(i).copy(), phaseErrors[i].get(), phaseMissed[i].get(), seconds));
            }
            Map<String, Long> errors = new java.util.LinkedHashMap<>();
            errorMessages.forEach((message, count) -> errors.put(message, count.get()));
            long late =
                    generatorLagTotal.getTotalCount() - generatorLagTotal.getCountBetweenValues(0, LATE_START_MICROS);
            return new LoadResult(
                    name,
                    profile,
                    results,
                    List.copyOf(timeline),
                    generatorLagTotal.copy(),
                    late,
                    elapsedNanos / 1e9,
                    errors,
                    gaugeName);
        }

        private Thread start(Runnable body, String threadName) {
            Thread thread = daemon(body, threadName + "-" + name);
            thread.start();
            return thread;
        }
    }

    private static OptionalLong read(LongSupplier gauge) {
        try {
            return OptionalLong.of(gauge.getAsLong());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static AtomicLong[] counters(int size) {
        AtomicLong[] counters = new AtomicLong[size];
        for (int i = 0; i < size; i++) {
            counters[i] = new AtomicLong();
        }
        return counters;
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}

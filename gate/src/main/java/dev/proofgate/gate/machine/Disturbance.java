package dev.proofgate.gate.machine;

import dev.proofgate.gate.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much of the machine a timed measurement had, measured while it was taken: the CPU that other
 * work on the machine took (foreign CPU, as a share of all cores), the CPU the hypervisor stole, the
 * CPU of the suite's own JVM (the load generator's share), the hiccups of a thread that sleeps 1 ms at
 * a time (in the manner of jHiccup: how late it woke), and the 1-minute load average.
 *
 * <p>The measurement counts as <em>disturbed</em> when the foreign CPU or the steal reached its
 * threshold ({@link Thresholds}). Hiccups and load are figures for the reader, not the decision: the
 * platform's own load raises both on a small machine, and a product slowed by its own CPU use is a
 * finding, not a disturbance.
 */
public record Disturbance(
        Duration took,
        int cores,
        boolean measured,
        double foreignCpuPercent,
        double stealPercent,
        double suiteCpuPercent,
        double hiccupP99Ms,
        double hiccupMaxMs,
        double load1Before,
        double load1Max,
        Thresholds thresholds,
        List<Point> series) {

    /** One interval of the window: when it ended (ms into the window), the foreign CPU and the worst hiccup in it. */
    public record Point(long atMillis, double foreignCpuPercent, double hiccupMaxMs) {}

    /** The figures above which a measurement is disturbed; settings {@code proofgate.machine.*} (README). */
    public record Thresholds(double foreignCpuPercent, double stealPercent) {
        /** As the settings give them: {@code proofgate.machine.foreign.cpu.percent} (20), {@code proofgate.machine.steal.percent} (5). */
        public static Thresholds configured() {
            return new Thresholds(
                    Double.parseDouble(Settings.value("proofgate.machine.foreign.cpu.percent", "20")),
                    Double.parseDouble(Settings.value("proofgate.machine.steal.percent", "5")));
        }

        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "foreign CPU at least %.0f %% of the machine, or steal at least %.0f %%",
                    foreignCpuPercent,
                    stealPercent);
        }
    }

    public boolean disturbed() {
        return measured
                && (foreignCpuPercent >= thresholds.foreignCpuPercent() || stealPercent >= thresholds.stealPercent());
    }

    /** The figures in one line, e.g. "foreign CPU 48 % of 2 cores, steal 0 %, hiccups p99 12 ms (max 40 ms), load 3.1 to 4.2". */
    public String figures() {
        if (!measured) {
            return String.format(
                    Locale.ROOT,
                    "the machine's CPU could not be read (no /proc); hiccups p99 %.1f ms (max %.1f ms) over %.1f s",
                    hiccupP99Ms,
                    hiccupMaxMs,
                    took.toMillis() / 1000.0);
        }
        return String.format(
                Locale.ROOT,
                "foreign CPU %.0f %% of %d cores, steal %.0f %%, suite's own JVM %.0f %%, hiccups p99 %.1f ms (max %.1f ms),"
                        + " load %.1f to %.1f, over %.1f s",
                foreignCpuPercent,
                cores,
                stealPercent,
                suiteCpuPercent,
                hiccupP99Ms,
                hiccupMaxMs,
                load1Before,
                load1Max,
                took.toMillis() / 1000.0);
    }

    /** "machine disturbed: <figures>" or "machine fit: <figures>". */
    public String describe() {
        return (disturbed() ? "machine disturbed: " : "machine fit: ") + figures();
    }
}

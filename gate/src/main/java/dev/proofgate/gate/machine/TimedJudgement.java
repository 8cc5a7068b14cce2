package dev.proofgate.gate.machine;

import dev.proofgate.gate.support.Evidence;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A timing budget decided with the machine's disturbance in view. A breach measured on a fit machine
 * stands: the caller's assertion files it as a product defect. A breach measured while the machine was
 * disturbed ({@link Disturbance#disturbed()}) is measured again, once, after waiting at most
 * {@link #CALM_WAIT} for a calm second; if the second measurement holds, or was taken on a fit machine,
 * it decides; if it breaches again on a disturbed machine the budget is not judged ({@link MachineDisturbed}).
 * The machine's figures of every attempt are attached to the step, next to the measurement.
 */
public final class TimedJudgement {

    /** The longest wait for a calm second before a disturbed breach is measured again. */
    public static final Duration CALM_WAIT = Duration.ofSeconds(15);

    /** A value measured in a window of the machine meter, with how disturbed the machine was meanwhile. */
    public record Measured<T>(T value, Disturbance disturbance) {}

    private TimedJudgement() {}

    /** Runs a timed measurement inside a window of the run's machine meter. */
    public static <T> Measured<T> measure(Supplier<T> measurement) {
        MachineMeter.Window window = MachineMeter.get().open();
        try {
            T value = measurement.get();
            return new Measured<>(value, window.close());
        } finally {
            window.close(); // a measurement that threw leaves no window open; closing twice is a no-op
        }
    }

    /** Measures, then judges ({@link #judge}); the measurement can be repeated as it is. */
    public static <T> T decide(
            String what, Supplier<T> measurement, Predicate<T> breached, Function<T, String> describe) {
        return judge(what, measure(measurement), () -> measure(measurement), breached, describe);
    }

    /**
     * Returns the measurement the budget is decided on; the caller asserts on it. Throws
     * {@link MachineDisturbed} when a breach was measured twice on a disturbed machine, or once where
     * {@code again} is null (a measurement that cannot be taken again).
     */
    public static <T> T judge(
            String what,
            Measured<T> first,
            Supplier<Measured<T>> again,
            Predicate<T> breached,
            Function<T, String> describe) {
        MachineMeter meter = MachineMeter.get();
        attach(what, first.disturbance(), "");
        if (!breached.test(first.value())) {
            return judged(meter, what, first, MachineMeter.Outcome.WITHIN);
        }
        if (!first.disturbance().disturbed()) {
            return judged(meter, what, first, MachineMeter.Outcome.BREACHED_ON_A_FIT_MACHINE);
        }
        if (again == null) {
            throw notJudged(
                    meter,
                    what,
                    first,
                    MachineMeter.Outcome.NOT_JUDGED,
                    "breached while disturbed, and it cannot be measured again: " + describe.apply(first.value()));
        }
        boolean calm = meter.awaitCalm(CALM_WAIT);
        Evidence.text(
                "machine: " + what + " measured again",
                "the first measurement (" + describe.apply(first.value())
                        + ") breached its budget while the "
                        + first.disturbance().describe() + "; "
                        + (calm
                                ? "the machine was calm again, "
                                : "the machine stayed disturbed for " + CALM_WAIT.toSeconds() + " s, ")
                        + "so it was measured once more");
        Measured<T> second = again.get();
        attach(what, second.disturbance(), " (measured again)");
        if (!breached.test(second.value())) {
            return judged(meter, what, second, MachineMeter.Outcome.WITHIN_WHEN_MEASURED_AGAIN);
        }
        if (!second.disturbance().disturbed()) {
            return judged(meter, what, second, MachineMeter.Outcome.BREACHED_AGAIN_ON_A_FIT_MACHINE);
        }
        throw notJudged(
                meter,
                what,
                second,
                MachineMeter.Outcome.NOT_JUDGED_WHEN_MEASURED_AGAIN,
                "breached twice while disturbed: " + describe.apply(first.value()) + ", then "
                        + describe.apply(second.value()));
    }

    private static <T> T judged(MachineMeter meter, String what, Measured<T> measured, MachineMeter.Outcome outcome) {
        meter.record(new MachineMeter.Judgement(what, measured.disturbance(), outcome));
        return measured.value();
    }

    private static MachineDisturbed notJudged(
            MachineMeter meter, String what, Measured<?> last, MachineMeter.Outcome outcome, String why) {
        meter.record(new MachineMeter.Judgement(what, last.disturbance(), outcome));
        return new MachineDisturbed(
                "INCONCLUSIVE: " + what + " not judged, " + last.disturbance().describe() + " (threshold: "
                        + last.disturbance().thresholds().describe() + "); " + why);
    }

    /** The machine's figures for one attempt, and a chart of the foreign CPU and hiccups over it. */
    public static void attach(String what, Disturbance disturbance, String suffix) {
        Evidence.text(
                "machine while measuring " + what + suffix,
                disturbance.describe() + "\nthreshold: "
                        + disturbance.thresholds().describe());
        if (disturbance.series().size() >= 2) {
            Evidence.svg("machine chart: " + what + suffix, DisturbanceChart.svg(disturbance));
        }
    }
}

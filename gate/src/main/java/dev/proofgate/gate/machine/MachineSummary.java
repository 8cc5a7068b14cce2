package dev.proofgate.gate.machine;

import java.util.List;
import java.util.Locale;

/**
 * The verdict's machine panel: the machine the run had, and how disturbed it was while the timed rows
 * were measured, so a reader sees at once whether the timing rows were judged on a fit machine.
 */
public record MachineSummary(
        int cores,
        double load1Before,
        double load1MaxDuring,
        double foreignCpuPercent,
        double stealPercent,
        double hiccupP99Ms,
        int timedRows,
        int disturbedRows,
        int remeasured,
        List<String> notJudged,
        Disturbance.Thresholds thresholds) {

    static MachineSummary of(MachineMeter meter) {
        Disturbance run = meter.runSoFar();
        List<MachineMeter.Judgement> judged = meter.judgements();
        int disturbed =
                (int) judged.stream().filter(j -> j.disturbance().disturbed()).count();
        int remeasured =
                (int) judged.stream().filter(j -> j.outcome().remeasured()).count();
        List<String> notJudged = judged.stream()
                .filter(j -> j.outcome().notJudged())
                .map(j -> j.what() + ": " + j.disturbance().figures())
                .toList();
        return new MachineSummary(
                meter.cores(),
                meter.load1AtStart(),
                run.load1Max(),
                run.foreignCpuPercent(),
                run.stealPercent(),
                run.hiccupP99Ms(),
                judged.size(),
                disturbed,
                remeasured,
                notJudged,
                meter.thresholds());
    }

    /** One line for the console and the report, e.g. "2 cores; load 0.2 before the run, at most 3.1 during; ...". */
    public String line() {
        return String.format(
                Locale.ROOT,
                "%d cores; load %.1f before the run, at most %.1f during; other work took %.0f %% of the CPU over the run"
                        + " (steal %.0f %%, hiccups p99 %.1f ms); timed rows: %d judged, %d measured on a disturbed machine, %d measured again,"
                        + " %d not judged (threshold: %s)",
                cores,
                load1Before,
                load1MaxDuring,
                foreignCpuPercent,
                stealPercent,
                hiccupP99Ms,
                timedRows,
                disturbedRows,
                remeasured,
                notJudged.size(),
                thresholds.describe());
    }

    /** The rows a disturbed machine kept from being judged; empty on a fit machine. */
    public boolean fit() {
        return notJudged.isEmpty() && disturbedRows == 0;
    }
}

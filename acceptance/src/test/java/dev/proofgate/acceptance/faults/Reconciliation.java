package dev.proofgate.acceptance.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger judged: every accepted execution checked against what the platform's API and its
 * database say about it. Lost means accepted but unknown to either, or not finished within the bound;
 * completed more than once comes from the database's completion count, run more than once from attempts.
 */
public final class Reconciliation {

    /** One accepted execution, as the client, the API and the database saw it. */
    public record Line(
            String executionId,
            String adapter,
            long acceptedAt,
            String apiStatus,
            String databaseStatus,
            int attempts,
            int completions,
            String errorType,
            long completedAt) {

        boolean lost() {
            return !terminal(databaseStatus) || !databaseStatus.equals(apiStatus);
        }

        private static boolean terminal(String status) {
            return "completed".equals(status) || "failed".equals(status);
        }
    }

    private final List<Line> lines;
    private final int refused;
    private final int unanswered;

    Reconciliation(List<Line> lines, int refused, int unanswered) {
        this.lines = List.copyOf(lines);
        this.refused = refused;
        this.unanswered = unanswered;
    }

    public List<Line> lines() {
        return lines;
    }

    public long accepted() {
        return lines.size();
    }

    public long completed() {
        return lines.stream()
                .filter(l -> !l.lost() && "completed".equals(l.databaseStatus()))
                .count();
    }

    public long failed() {
        return lines.stream()
                .filter(l -> !l.lost() && "failed".equals(l.databaseStatus()))
                .count();
    }

    public long lost() {
        return lines.stream().filter(Line::lost).count();
    }

    public long completedMoreThanOnce() {
        return lines.stream().filter(l -> l.completions() > 1).count();
    }

    public long runMoreThanOnce() {
        return lines.stream().filter(l -> l.attempts() > 1).count();
    }

    /** The counts a budget can name, in the order of the attached table. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted", accepted());
        counts.put("completed", completed());
        counts.put("failed", failed());
        counts.put("lost", lost());
        counts.put("completed more than once", completedMoreThanOnce());
        counts.put("run more than once", runMoreThanOnce());
        counts.put("most attempts of one execution", (long)
                lines.stream().mapToInt(Line::attempts).max().orElse(0));
        counts.put("refused", (long) refused);
        counts.put("no answer", (long) unanswered);
        return counts;
    }

    /** Failed executions grouped by reason (error type and message). */
    public Map<String, Long> failureReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        lines.stream()
                .filter(l -> "failed".equals(l.databaseStatus()))
                .forEach(l -> reasons.merge(String.valueOf(l.errorType()), 1L, Long::sum));
        return reasons;
    }

    /** Lines worth a look: lost, failed, completed twice or run more than once. */
    public List<Line> anomalies() {
        List<Line> anomalies = new ArrayList<>();
        for (Line line : lines) {
            if (line.lost()
                    || !"completed".equals(line.databaseStatus())
                    || line.completions() > 1
                    || line.attempts() > 1) {
                anomalies.add(line);
            }
        }
        return anomalies;
    }
}

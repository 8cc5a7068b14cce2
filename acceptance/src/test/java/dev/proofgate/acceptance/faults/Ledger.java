package dev.proofgate.acceptance.faults;

import dev.proofgate.acceptance.drivers.rest.QuietClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of a fault scenario, Jepsen style: every submission and what the client saw (accepted
 * with an id, refused with a reason and retry hint, or no answer at all), plus the faults injected,
 * recorded as they happen and judged only afterwards by {@link Reconciliation}.
 */
public final class Ledger {

    /** What the client saw for one submission. */
    public enum Seen {
        ACCEPTED,
        REFUSED,
        NO_ANSWER
    }

    /**
     * One submission. Times are wall-clock epoch milliseconds so they compare with the database's
     * completion times on the same host; {@code detail} is the refusal reason or the transport error.
     */
    public record Entry(
            long sentAt,
            long answeredAt,
            String adapter,
            Seen seen,
            String executionId,
            String detail,
            String retryAfter) {

        /** What the client saw for one submission to a program on the adapter. */
        public static Entry of(String adapter, QuietClient.Submission submission) {
            Seen seen = submission.accepted() ? Seen.ACCEPTED : submission.refused() ? Seen.REFUSED : Seen.NO_ANSWER;
            String detail = submission.refused() ? submission.refusal() : submission.noAnswer();
            return new Entry(
                    submission.sentAt(),
                    submission.answeredAt(),
                    adapter,
                    seen,
                    submission.executionId(),
                    detail,
                    submission.retryAfter());
        }

        public long latencyMillis() {
            return answeredAt - sentAt;
        }

        public boolean refusedWithRetryHint() {
            return seen == Seen.REFUSED
                    && "service_unavailable".equals(detail)
                    && retryAfter != null
                    && !retryAfter.isBlank();
        }
    }

    /** A fault as injected: what, when it began and when it was removed (equal for an instant fault). */
    public record Fault(String kind, long startedAt, long endedAt) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    public synchronized void record(Entry entry) {
        entries.add(entry);
    }

    public synchronized void fault(Fault fault) {
        faults.add(fault);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    public synchronized List<Entry> accepted() {
        return entries.stream().filter(e -> e.seen() == Seen.ACCEPTED).toList();
    }

    /** Submissions sent after the fault began and answered before it was removed. */
    public synchronized List<Entry> during(Fault fault) {
        return entries.stream()
                .filter(e -> e.sentAt() >= fault.startedAt() && e.answeredAt() <= fault.endedAt())
                .toList();
    }

    /** The most recent fault of a kind; fails naming the faults there were. */
    public synchronized Fault last(String kind) {
        for (int i = faults.size() - 1; i >= 0; i--) {
            if (faults.get(i).kind().equals(kind)) {
                return faults.get(i);
            }
        }
        throw new IllegalStateException(
                "this step needs a fault '" + kind + "' earlier in the scenario; there were: " + faults);
    }

    public synchronized Fault last() {
        if (faults.isEmpty()) {
            throw new IllegalStateException("this step needs a fault earlier in the scenario, and none was injected");
        }
        return faults.get(faults.size() - 1);
    }
}

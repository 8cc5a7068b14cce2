package dev.proofgate.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.acceptance.drivers.HistoryPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads a program's history page by page under one filter and judges it against what the program
 * is known to hold: exactly the matching executions, none twice, newest first, the same total on
 * every page, pages full until the last, and nothing past the end.
 */
public final class HistorySearch {

    /** What one filtered search came to, and every way it went wrong. */
    public record Result(String filter, List<List<String>> pages, List<Long> totals, List<String> problems) {
        public Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("filter", filter);
            row.put("pages", pages.size());
            row.put(
                    "ids per page",
                    pages.stream()
                            .map(page -> page.stream()
                                    .map(id -> id.substring(0, 8))
                                    .toList()
                                    .toString())
                            .toList());
            row.put("totals", totals);
            row.put("verdict", problems.isEmpty() ? "exact" : String.join("; ", problems));
            return row;
        }
    }

    /** One execution as the program holds it, read one by one (not through the search). */
    public record Held(String id, String status, Instant createdAt) {}

    /** Searches under every filter, each bracketed by two reads of what the program holds, and the brackets as evidence rows. */
    public record Bracketed(List<Result> results, List<Map<String, Object>> brackets) {}

    private static final List<String> FILTERS = Arrays.asList("queued", "running", "completed", "failed", null);
    private static final int MOVED_SEARCHES_TOLERATED = 4;

    private final ExecutionsApi executions;
    private final String programId;

    public HistorySearch(ExecutionsApi executions, String programId) {
        this.executions = executions;
        this.programId = programId;
    }

    /**
     * Searches under each state and under none, each bracketed by two reads of what the program holds; a
     * search during which the history moved is tried again on the next still state, so a slow machine
     * delays the check but cannot make it judge a search against the wrong truth.
     */
    public Bracketed searchEveryStateWhileStill(int perPage, Supplier<List<Held>> stored, long latencyMs) {
        List<Result> results = new ArrayList<>();
        List<Map<String, Object>> brackets = new ArrayList<>();
        for (String filter : FILTERS) {
            for (int attempt = 1; ; attempt++) {
                List<Held> before = stored.get();
                long started = System.nanoTime();
                Result result = search(filter, perPage, before);
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                boolean still = before.equals(stored.get());
                brackets.add(Map.of(
                        "filter",
                        filter == null ? "every state" : filter,
                        "attempt",
                        attempt,
                        "held",
                        counts(before).toString(),
                        "search took ms",
                        tookMs,
                        "history still",
                        still));
                if (still) {
                    results.add(result);
                    break;
                }
                assertThat(attempt)
                        .as(
                                "searches of '%s' during which the history moved"
                                        + " (each took about %d ms; the model holds a question %d ms)",
                                filter, tookMs, latencyMs)
                        .isLessThanOrEqualTo(MOVED_SEARCHES_TOLERATED);
            }
        }
        return new Bracketed(results, brackets);
    }

    /** How many executions the program holds in each state. */
    public static Map<String, Long> counts(List<Held> held) {
        return held.stream().collect(Collectors.groupingBy(Held::status, TreeMap::new, Collectors.counting()));
    }

    public Result search(String status, int perPage, List<Held> held) {
        List<Held> expected = held.stream()
                .filter(h -> status == null || h.status().equals(status))
                .toList();
        List<List<String>> pages = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Execution> seen = new ArrayList<>();
        int offset = 0;
        while (true) {
            HistoryPage page = executions.page(programId, status, perPage, offset);
            List<String> ids = page.ids();
            seen.addAll(page.items());
            totals.add(page.totalOrNone());
            if (ids.isEmpty()) {
                break;
            }
            pages.add(ids);
            int remaining = expected.size() - offset;
            if (ids.size() != Math.min(perPage, Math.max(remaining, 0))) {
                problems.add("page at offset " + offset + " holds " + ids.size() + " executions, expected "
                        + Math.min(perPage, Math.max(remaining, 0)));
            }
            offset += perPage;
            if (ids.size() < perPage) {
                break; // a short page is the last one; only after a full page is the next one asked for
            }
            if (pages.size() > held.size() + 1) {
                problems.add("the pages never end");
                break;
            }
        }
        if (totals.stream().anyMatch(total -> total != expected.size())) {
            problems.add("totals " + totals + " instead of " + expected.size());
        }
        List<String> listed = seen.stream().map(Execution::id).toList();
        Set<String> unique = new HashSet<>(listed);
        if (unique.size() != listed.size()) {
            problems.add("an execution is listed twice");
        }
        Set<String> expectedIds = new HashSet<>(expected.stream().map(Held::id).toList());
        if (!unique.equals(expectedIds)) {
            Set<String> extra = new HashSet<>(unique);
            extra.removeAll(expectedIds);
            Set<String> missing = new HashSet<>(expectedIds);
            missing.removeAll(unique);
            problems.add("listed but not matching: " + extra + "; matching but not listed: " + missing);
        }
        for (Execution item : seen) {
            if (status != null && !status.equals(item.status())) {
                problems.add(item.id() + " is listed under '" + status + "' but is " + item.status());
            }
        }
        for (int i = 1; i < seen.size(); i++) {
            Instant before = seen.get(i - 1).created();
            Instant after = seen.get(i).created();
            if (after.isAfter(before)) {
                problems.add("not newest first: " + seen.get(i).id() + " (" + after + ") comes after an older one ("
                        + before + ")");
            }
        }
        return new Result(status == null ? "every state" : status, pages, totals, problems);
    }
}

package dev.proofgate.acceptance.drivers;

import java.util.List;

/** One page of a program's execution history, newest first, with the total the search matched. */
public record HistoryPage(List<Execution> items, Long total, Integer limit, Integer offset) {

    public List<Execution> items() {
        return items == null ? List.of() : items;
    }

    /** The total the platform reported; -1 when it reported none. */
    public long totalOrNone() {
        return total == null ? -1 : total;
    }

    public List<String> ids() {
        return items().stream().map(Execution::id).toList();
    }
}

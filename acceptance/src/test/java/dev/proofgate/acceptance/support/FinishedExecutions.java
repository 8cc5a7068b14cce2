package dev.proofgate.acceptance.support;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.acceptance.drivers.HistoryPage;
import dev.proofgate.gate.support.Waits;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Follows many executions at once to their end, in one bounded wait that names the ones still unfinished. */
public final class FinishedExecutions {

    private FinishedExecutions() {}

    /** Each execution by id as last read, once every one is completed or failed. */
    public static Map<String, Execution> await(ExecutionsApi executions, Collection<String> ids, Duration atMost) {
        Map<String, Execution> finished = new LinkedHashMap<>();
        Waits.until(
                ids.size() + " executions to finish",
                atMost,
                () -> {
                    for (String id : ids) {
                        if (!finished.containsKey(id)) {
                            Execution execution = executions.get(id).orFail("reading execution " + id);
                            if (execution.finished()) {
                                finished.put(id, execution);
                            }
                        }
                    }
                    return "finished " + finished.size() + " of " + ids.size() + "; unfinished: "
                            + ids.stream()
                                    .filter(id -> !finished.containsKey(id))
                                    .limit(5)
                                    .toList();
                },
                seen -> finished.size() == ids.size());
        Map<String, Execution> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, finished.get(id)));
        return ordered;
    }

    /**
     * The same for many executions of one program, read a page of its history at a time rather than
     * one by one: a few requests per poll instead of one per execution.
     */
    public static Map<String, Execution> awaitInHistory(
            ExecutionsApi executions, String programId, Collection<String> ids, Duration atMost) {
        Map<String, Execution> finished = new LinkedHashMap<>();
        Waits.until(
                ids.size() + " executions of program " + programId + " to finish",
                atMost,
                () -> {
                    int offset = 0;
                    while (true) {
                        HistoryPage page = executions.page(programId, null, 200, offset);
                        for (Execution execution : page.items()) {
                            if (ids.contains(execution.id()) && execution.finished()) {
                                finished.put(execution.id(), execution);
                            }
                        }
                        offset += 200;
                        if (page.items().isEmpty() || offset >= page.totalOrNone()) {
                            break;
                        }
                    }
                    return "finished " + finished.size() + " of " + ids.size();
                },
                seen -> finished.keySet().containsAll(ids));
        Map<String, Execution> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, finished.get(id)));
        return ordered;
    }
}

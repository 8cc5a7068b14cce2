package dev.proofgate.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.gate.support.Waits;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Follows many executions at once to their end, in one bounded wait that names the ones still unfinished. */
public final class FinishedExecutions {

    private static final List<String> FINAL = List.of("completed", "failed");

    private FinishedExecutions() {
    }

    /** Each execution by id as last read, once every one is completed or failed. */
    public static Map<String, JsonNode> await(ExecutionsApi executions, Collection<String> ids, Duration atMost) {
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        Waits.until(ids.size() + " executions to finish", atMost, () -> {
            for (String id : ids) {
                if (!finished.containsKey(id)) {
                    JsonNode execution = executions.get(id).orFail("reading execution " + id);
                    if (FINAL.contains(execution.path("status").asText())) {
                        finished.put(id, execution);
                    }
                }
            }
            return "finished " + finished.size() + " of " + ids.size() + "; unfinished: "
                    + ids.stream().filter(id -> !finished.containsKey(id)).limit(5).toList();
        }, seen -> finished.size() == ids.size());
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, finished.get(id)));
        return ordered;
    }

    /**
     * The same for many executions of one program, read a page of its history at a time rather than
     * one by one: a few requests per poll instead of one per execution.
     */
    public static Map<String, JsonNode> awaitInHistory(ExecutionsApi executions, String programId, Collection<String> ids, Duration atMost) {
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        Waits.until(ids.size() + " executions of program " + programId + " to finish", atMost, () -> {
            int offset = 0;
            while (true) {
                JsonNode page = executions.page(programId, null, 200, offset);
                for (JsonNode execution : page.path("items")) {
                    String id = execution.path("id").asText();
                    if (ids.contains(id) && FINAL.contains(execution.path("status").asText())) {
                        finished.put(id, execution);
                    }
                }
                offset += 200;
                if (page.path("items").isEmpty() || offset >= page.path("total").asLong()) {
                    break;
                }
            }
            return "finished " + finished.size() + " of " + ids.size();
        }, seen -> finished.keySet().containsAll(ids));
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, finished.get(id)));
        return ordered;
    }
}

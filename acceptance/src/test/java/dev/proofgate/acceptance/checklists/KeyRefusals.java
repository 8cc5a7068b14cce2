package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every published operation that needs a key, called presenting a key that is not the valid one (or none), and what each answered. */
public final class KeyRefusals {

    /** How many operations need a key, one row per operation (the valid key masked), and every one that did not refuse. */
    public record Result(long needingKey, List<Map<String, Object>> table, List<String> notRefused) {}

    private KeyRefusals() {}

    /** {@code keyPerOperation} gives the key presented to the next operation; null presents none. */
    public static Result ask(
            HostileClient hostile,
            List<ApiDescription.Operation> operations,
            Supplier<String> keyPerOperation,
            String validKey) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (ApiDescription.Operation operation : operations) {
            if (!operation.needsKey()) {
                rows.add(row(operation, "-", "-", "public by the description"));
                continue;
            }
            String key = keyPerOperation.get();
            HttpAnswer answer = hostile.callPresenting(operation.method(), operation.path(), operation.hasBody(), key);
            rows.add(row(
                    operation,
                    key == null ? "(nothing)" : "Bearer " + key.replace(validKey, "<valid key>"),
                    answer.status(),
                    answer.errorType()));
            if (!answer.refusedAs("unauthorized")) {
                notRefused.add(operation.label() + " -> " + answer.summary());
            }
        }
        return new Result(
                operations.stream().filter(ApiDescription.Operation::needsKey).count(), rows, notRefused);
    }

    private static Map<String, Object> row(
            ApiDescription.Operation operation, String presented, Object status, String answer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", operation.label());
        row.put("presented", presented);
        row.put("status", status);
        row.put("answer", answer);
        return row;
    }
}

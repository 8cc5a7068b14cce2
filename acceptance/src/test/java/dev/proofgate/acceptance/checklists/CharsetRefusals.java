package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every published write operation, sent a body declared in each of a few character sets, and what each answered. */
public final class CharsetRefusals {

    /** One row per operation and character set, and every one not refused as an unsupported media type. */
    public record Result(List<Map<String, Object>> table, List<String> notRefused) {}

    private CharsetRefusals() {}

    public static Result ask(HostileClient hostile, List<ApiDescription.Operation> operations, List<String> charsets) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (ApiDescription.Operation operation :
                operations.stream().filter(ApiDescription.Operation::hasBody).toList()) {
            for (String charset : charsets) {
                HttpAnswer answer = hostile.callInCharset(operation.method(), operation.path(), charset);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("operation", operation.label());
                row.put("charset", charset);
                row.put("status", answer.status());
                row.put("reason", answer.errorType());
                rows.add(row);
                if (!answer.refusedAs("unsupported_media_type")) {
                    notRefused.add(operation.label() + " with charset " + charset + ": " + answer.summary());
                }
            }
        }
        return new Result(rows, notRefused);
    }
}

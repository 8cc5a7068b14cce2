package dev.proofgate.acceptance.checklists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;

/** One structured line of the platform's access log: the JSON after the logger's prefix. */
public record AccessLogLine(String requestId, int status, String method, String line) {

    public static AccessLogLine parse(String line) {
        int at = line.indexOf('{');
        if (at < 0) {
            throw new AssertionError("the log line is not structured (no JSON object): " + line);
        }
        JsonNode structured = Json.parse(line.substring(at));
        return new AccessLogLine(
                structured.path("request_id").asText(),
                structured.path("status").asInt(),
                structured.path("method").asText(),
                line);
    }
}

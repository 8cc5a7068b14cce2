package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One question asked of a program, as the platform reports it: its state, its answer or error, its times and its audit trail. */
public record Execution(
        String id,
        @JsonProperty("program_id") String programId,
        String status,
        String adapter,
        Integer attempts,
        JsonNode inputs,
        JsonNode outputs,
        Failure error,
        Metrics metrics,
        @JsonProperty("audit_trail") List<Stage> auditTrail,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("idempotency_key") String idempotencyKey) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** Completed or failed: the execution will not change any more. */
    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** One output by its declared name; a missing node when the execution gave none. */
    public JsonNode output(String name) {
        return hasOutputs() ? outputs.path(name) : MissingNode.getInstance();
    }

    /** One output as text; empty when the execution gave none. */
    public String text(String name) {
        return output(name).asText();
    }

    /** One output as a number; null when the execution gave none or gave something else. */
    public Double number(String name) {
        JsonNode value = output(name);
        return value.isNumber() ? value.asDouble() : null;
    }

    /** The outputs where they differ from another execution's, as text: empty when both gave the same outputs. */
    public String outputsDifferingFrom(Execution other) {
        return outputs().equals(other.outputs()) ? "" : "expected " + other.outputs() + " but was " + outputs();
    }

    /** Whether an output was given a value (neither left out nor null). */
    public boolean gave(String output) {
        JsonNode value = output(output);
        return !value.isMissingNode() && !value.isNull();
    }

    /** The outputs as given; a missing node when the answer holds none at all. */
    public JsonNode outputs() {
        return outputs == null ? MissingNode.getInstance() : outputs;
    }

    public boolean hasOutputs() {
        return outputs != null && !outputs.isNull() && !outputs.isMissingNode();
    }

    public List<Stage> auditTrail() {
        return auditTrail == null ? List.of() : auditTrail;
    }

    public List<String> stages() {
        return auditTrail().stream().map(Stage::stage).toList();
    }

    public Instant created() {
        return Instant.parse(createdAt);
    }

    /** Why an execution failed: the error's type and message. */
    public record Failure(String type, String message) {
        @Override
        public String toString() {
            return type + ": " + message;
        }
    }

    /** How long the execution queued, ran and took in total; null where it was not recorded. */
    public record Metrics(
            @JsonProperty("queue_ms") Number queueMs,
            @JsonProperty("execution_ms") Number executionMs,
            @JsonProperty("total_ms") Number totalMs) {

        public long queued() {
            return millis(queueMs);
        }

        public long ran() {
            return millis(executionMs);
        }

        public long total() {
            return millis(totalMs);
        }

        /** The queue and total times are recorded as whole numbers of milliseconds. */
        public boolean wholeMilliseconds() {
            return whole(queueMs) && whole(totalMs);
        }

        private static long millis(Number value) {
            return value == null ? -1 : value.longValue();
        }

        private static boolean whole(Number value) {
            return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
        }
    }

    /** One stage of the audit trail. */
    public record Stage(
            String stage,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("duration_ms") Number durationMs,
            String outcome,
            String detail) {

        /** The stage as a row of evidence. */
        public Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage);
            row.put("started at", String.valueOf(startedAt));
            row.put("ms", String.valueOf(durationMs));
            row.put("outcome", outcome);
            row.put("detail", detail == null ? "" : detail);
            return row;
        }
    }
}

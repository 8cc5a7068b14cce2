package dev.proofgate.platform.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The stages an execution went through, each with its start, duration and outcome. */
final class AuditTrail {

    static final String SIGNATURE_COMPILATION = "signature_compilation";
    static final String INPUT_VALIDATION = "input_validation";
    static final String ADAPTER_EXECUTION = "adapter_execution";
    static final String OUTPUT_VALIDATION = "output_validation";
    static final String RESULT_SERIALIZATION = "result_serialization";

    private final ArrayNode stages = JsonNodeFactory.instance.arrayNode();
    private String current;
    private Instant startedAt;
    private long startedNanos;

    void begin(String stage) {
        current = stage;
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
    }

    long end(String outcome, String detail) {
        long micros = (System.nanoTime() - startedNanos) / 1_000;
        ObjectNode entry = stages.addObject();
        entry.put("stage", current);
        entry.put("started_at", startedAt.toString());
        entry.put("duration_ms", micros / 1000.0);
        entry.put("outcome", outcome);
        if (detail != null) {
            entry.put("detail", detail);
        }
        return micros / 1_000;
    }

    long ok() {
        return end("ok", null);
    }

    String current() {
        return current;
    }

    ArrayNode stages() {
        return stages;
    }
}

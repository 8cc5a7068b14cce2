package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.Field;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.Signature;
import java.util.List;

/** The JSON shapes of the API's resources. */
final class Views {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Views() {}

    static ObjectNode compiled(CompiledSignature compiled) {
        ObjectNode node = JSON.objectNode();
        node.put("name", compiled.name());
        node.put("definition", compiled.definition());
        node.set("inputs", fields(compiled.inputs()));
        node.set("outputs", fields(compiled.outputs()));
        node.set("input_schema", compiled.inputSchema());
        node.set("output_schema", compiled.outputSchema());
        return node;
    }

    static ObjectNode signature(Signature signature, CompiledSignature compiled) {
        ObjectNode node = JSON.objectNode();
        node.put("id", signature.id().toString());
        node.setAll(compiled(compiled));
        node.set("constraints", signature.constraints());
        node.put("created_at", signature.createdAt().toString());
        return node;
    }

    static ObjectNode program(Program program) {
        ObjectNode node = JSON.objectNode();
        node.put("id", program.id().toString());
        node.put("name", program.name());
        node.put("signature_id", program.signatureId().toString());
        node.put("adapter", program.adapter());
        node.set("config", program.config());
        node.put("created_at", program.createdAt().toString());
        return node;
    }

    static ObjectNode execution(Execution execution) {
        ObjectNode node = JSON.objectNode();
        node.put("id", execution.id().toString());
        node.put("program_id", execution.programId().toString());
        node.put("status", execution.status());
        node.put("adapter", execution.adapter());
        node.put("attempts", execution.attempts());
        node.set("inputs", execution.inputs());
        node.set("outputs", execution.outputs());
        node.set("error", execution.error());
        ObjectNode metrics = node.putObject("metrics");
        putNullable(metrics, "queue_ms", execution.queueMs());
        putNullable(metrics, "execution_ms", execution.executionMs());
        putNullable(metrics, "total_ms", execution.totalMs());
        node.set("audit_trail", execution.audit());
        node.put("created_at", execution.createdAt().toString());
        node.put(
                "started_at",
                execution.startedAt() == null ? null : execution.startedAt().toString());
        node.put(
                "completed_at",
                execution.completedAt() == null ? null : execution.completedAt().toString());
        if (execution.idempotencyKey() != null) {
            node.put("idempotency_key", execution.idempotencyKey());
        }
        return node;
    }

    private static void putNullable(ObjectNode node, String name, Long value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static ArrayNode fields(List<Field> fields) {
        ArrayNode array = JSON.arrayNode();
        for (Field field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.put("type", field.type().dsl());
            node.put("required", field.required());
            if (!field.constraints().isEmpty()) {
                node.set("constraints", field.constraints().toJson());
            }
        }
        return array;
    }
}

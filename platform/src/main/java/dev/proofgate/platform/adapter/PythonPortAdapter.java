package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.bridge.BridgeException;
import dev.proofgate.platform.bridge.WorkerPool;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.Field;
import dev.proofgate.platform.signature.FieldType;
import java.time.Duration;
import java.util.List;

/** Runs programs on the supervised Python workers over the bridge protocol. */
public final class PythonPortAdapter implements Adapter {

    public static final String NAME = "python_port";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WorkerPool pool;

    public PythonPortAdapter(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode capabilities() {
        ObjectNode capabilities = JSON.objectNode();
        capabilities.put("runtime", "python3");
        capabilities.put("deterministic", true);
        capabilities.put("simulated_latency", true);
        capabilities.put("protocol", "length-prefixed JSON frames, zlib for large payloads");
        capabilities.put("workers", pool.size());
        ArrayNode types = capabilities.putArray("output_types");
        for (FieldType.Kind kind : FieldType.Kind.values()) {
            types.add(":" + kind.dslName());
        }
        return capabilities;
    }

    @Override
    public AdapterHealth health() {
        int alive = pool.alive();
        ObjectNode details = JSON.objectNode();
        details.put("workers_alive", alive);
        details.put("workers_target", pool.size());
        details.put("restarts", pool.restarts());
        ArrayNode pids = details.putArray("worker_pids");
        pool.pids().forEach(pids::add);
        String status = alive >= pool.size() ? "up" : alive > 0 ? "degraded" : "down";
        return new AdapterHealth(status, details);
    }

    @Override
    public JsonNode execute(CompiledSignature signature, JsonNode inputs, JsonNode config) throws AdapterException {
        Duration timeout = Duration.ofMillis(30_000 + ModelConfig.of(config).latencyMs());
        try {
            return pool.call("execute", executeArgs(signature, inputs, config), timeout)
                    .path("outputs");
        } catch (BridgeException e) {
            throw new AdapterException(e.workerLost() ? "worker_lost" : e.type(), e.getMessage(), e.workerLost());
        }
    }

    /** The arguments of the bridge's {@code execute} command for a signature, its inputs and a program config. */
    public static ObjectNode executeArgs(CompiledSignature signature, JsonNode inputs, JsonNode config) {
        ObjectNode args = JSON.objectNode();
        ObjectNode sig = args.putObject("signature");
        sig.put("name", signature.name());
        sig.set("inputs", fields(signature.inputs()));
        sig.set("outputs", fields(signature.outputs()));
        args.set("inputs", inputs);
        args.set("config", config == null ? JSON.objectNode() : config);
        return args;
    }

    private static ArrayNode fields(List<Field> fields) {
        ArrayNode array = JSON.arrayNode();
        for (Field field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.set("type", type(field.type()));
            node.set("constraints", field.constraints().toJson());
        }
        return array;
    }

    private static ObjectNode type(FieldType type) {
        ObjectNode node = JSON.objectNode().put("kind", type.kind().dslName());
        if (type.element() != null) {
            node.set("element", type(type.element()));
        }
        return node;
    }
}

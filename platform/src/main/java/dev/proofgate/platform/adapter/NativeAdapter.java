package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.FieldType;
import java.util.Arrays;

/** The deterministic model in the platform's own JVM. */
public final class NativeAdapter implements Adapter {

    public static final String NAME = "native";
    private final DeterministicModel model = new DeterministicModel();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode capabilities() {
        ObjectNode capabilities = JsonNodeFactory.instance.objectNode();
        capabilities.put("runtime", "java");
        capabilities.put("deterministic", true);
        capabilities.put("simulated_latency", true);
        var types = capabilities.putArray("output_types");
        Arrays.stream(FieldType.Kind.values()).forEach(kind -> types.add(":" + kind.dslName()));
        return capabilities;
    }

    @Override
    public AdapterHealth health() {
        return new AdapterHealth("up", JsonNodeFactory.instance.objectNode());
    }

    @Override
    public JsonNode execute(CompiledSignature signature, JsonNode inputs, JsonNode config) throws AdapterException {
        ModelConfig model = ModelConfig.of(config);
        if (model.latencyMs() > 0) {
            try {
                Thread.sleep(model.latencyMs()); // the simulated model latency itself, not a wait for anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AdapterException("execution_error", "interrupted during simulated latency", true);
            }
        }
        if (model.failWith() != null) {
            throw new AdapterException("execution_error", model.failWith(), false);
        }
        return this.model.outputs(signature, inputs);
    }
}

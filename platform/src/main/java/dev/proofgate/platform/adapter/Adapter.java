package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.signature.CompiledSignature;

/** Runs a program's model: inputs of a signature in, outputs of its declared types out. */
public interface Adapter {

    String name();

    /** What the adapter supports, as listed by {@code GET /api/adapters}. */
    ObjectNode capabilities();

    /** Whether the adapter can take work right now, with a short reason for /health. */
    AdapterHealth health();

    JsonNode execute(CompiledSignature signature, JsonNode inputs, JsonNode config) throws AdapterException;

    record AdapterHealth(String status, ObjectNode details) {}
}

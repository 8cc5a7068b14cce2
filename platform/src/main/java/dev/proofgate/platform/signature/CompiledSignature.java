package dev.proofgate.platform.signature;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The result of compiling a definition: typed fields for each side and their JSON Schemas. */
public record CompiledSignature(
        String name,
        String definition,
        List<Field> inputs,
        List<Field> outputs,
        ObjectNode inputSchema,
        ObjectNode outputSchema) {}

package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** Binding signatures to adapters as programs. */
public interface ProgramsApi {

    Outcome<Program> create(String name, String signatureId, String adapter, JsonNode config);
}

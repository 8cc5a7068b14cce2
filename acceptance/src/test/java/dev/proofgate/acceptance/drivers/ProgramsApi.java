package dev.proofgate.acceptance.drivers;

import java.util.Map;

/** Binding signatures to adapters as programs. */
public interface ProgramsApi {

    Outcome<Program> create(String name, String signatureId, String adapter, Map<String, ?> config);
}

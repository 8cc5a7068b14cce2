package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.ProgramsApi;
import java.util.Map;

public final class RestPrograms implements ProgramsApi {

    private final PlatformHttp http;

    public RestPrograms(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Outcome<Program> create(String name, String signatureId, String adapter, Map<String, ?> config) {
        ObjectNode body = PlatformHttp.JSON
                .createObjectNode()
                .put("name", name)
                .put("signature_id", signatureId)
                .put("adapter", adapter);
        if (config != null) {
            body.set("config", PlatformHttp.JSON.valueToTree(config));
        }
        return PlatformHttp.outcome(
                http.request().body(PlatformHttp.json(body)).post(Routes.PROGRAMS), 201, Program.class);
    }
}

package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.SignaturesApi;

public final class RestSignatures implements SignaturesApi {

    private final PlatformHttp http;

    public RestSignatures(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Outcome declare(String definition, JsonNode constraints) {
        return PlatformHttp.outcome(http.request().body(body(definition, constraints)).post("/api/signatures"), 201);
    }

    @Override
    public Outcome compile(String definition, JsonNode constraints) {
        return PlatformHttp.outcome(http.request().body(body(definition, constraints)).post("/api/signatures/compile"), 200);
    }

    @Override
    public Outcome findByName(String name) {
        return PlatformHttp.outcome(http.request().get("/api/signatures/by-name/{name}", name), 200);
    }

    private static String body(String definition, JsonNode constraints) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("definition", definition);
        if (constraints != null) {
            body.set("constraints", constraints);
        }
        return PlatformHttp.json(body);
    }
}

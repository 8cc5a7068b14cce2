package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.acceptance.drivers.Outcome;
import io.restassured.specification.RequestSpecification;

public final class RestExecutions implements ExecutionsApi {

    private final PlatformHttp http;

    public RestExecutions(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Outcome submit(String programId, JsonNode inputs) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("program_id", programId);
        body.set("inputs", inputs);
        return PlatformHttp.outcome(http.request().body(PlatformHttp.json(body)).post("/api/executions"), 202);
    }

    @Override
    public Outcome get(String executionId) {
        return PlatformHttp.outcome(http.request().get("/api/executions/{id}", executionId), 200);
    }

    @Override
    public JsonNode history(String programId, String status) {
        RequestSpecification request = http.request().queryParam("program_id", programId).queryParam("limit", 200);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return PlatformHttp.outcome(request.get("/api/executions"), 200).orFail("the program's history");
    }

    @Override
    public JsonNode page(String programId, String status, int limit, int offset) {
        RequestSpecification request = http.request().queryParam("program_id", programId).queryParam("limit", limit).queryParam("offset", offset);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return PlatformHttp.outcome(request.get("/api/executions"), 200).orFail("a page of the program's history");
    }
}

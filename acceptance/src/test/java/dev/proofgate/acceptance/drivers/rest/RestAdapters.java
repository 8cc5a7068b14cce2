package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.drivers.AdaptersApi;

public final class RestAdapters implements AdaptersApi {

    private final PlatformHttp http;

    public RestAdapters(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public JsonNode list() {
        return PlatformHttp.outcome(http.request().get("/api/adapters"), 200).orFail("listing the adapters");
    }
}

package dev.proofgate.acceptance.drivers.rest;

import dev.proofgate.acceptance.drivers.Health;
import dev.proofgate.acceptance.drivers.HealthApi;
import io.restassured.response.Response;

public final class RestHealth implements HealthApi {

    private final PlatformHttp http;

    public RestHealth(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Health read() {
        Response response = http.request().get(Routes.HEALTH);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new AssertionError("the health report answered " + response.statusCode()
                    + ", not 200 (up or degraded) or 503 (down): " + response.asString());
        }
        return PlatformHttp.bind(PlatformHttp.parse(response), Health.class, response);
    }
}

package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.drivers.SignaturesApi;
import java.util.Map;

public final class RestSignatures implements SignaturesApi {

    private final PlatformHttp http;

    public RestSignatures(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Outcome<Signature> declare(String definition, Map<String, ?> constraints) {
        return PlatformHttp.outcome(
                http.request().body(body(definition, constraints)).post(Routes.SIGNATURES), 201, Signature.class);
    }

    @Override
    public Outcome<Signature> compile(String definition, Map<String, ?> constraints) {
        return PlatformHttp.outcome(
                http.request().body(body(definition, constraints)).post(Routes.SIGNATURES_COMPILE),
                200,
                Signature.class);
    }

    @Override
    public Outcome<Signature> findByName(String name) {
        return PlatformHttp.outcome(http.request().get(Routes.SIGNATURE_BY_NAME, name), 200, Signature.class);
    }

    private static String body(String definition, Map<String, ?> constraints) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("definition", definition);
        if (constraints != null) {
            body.set("constraints", PlatformHttp.JSON.valueToTree(constraints));
        }
        return PlatformHttp.json(body);
    }
}

package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.store.Json;
import io.javalin.http.Context;

/** Answers with a JSON body. */
final class JsonReply {

    private JsonReply() {}

    static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}

package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterRegistry;
import io.javalin.http.Context;

/** The registered adapters, each with its health and capabilities. */
final class AdapterRoutes {

    private final AdapterRegistry adapters;

    AdapterRoutes(AdapterRegistry adapters) {
        this.adapters = adapters;
    }

    void register(Routes routes) {
        routes.get("/api/adapters", this::list);
    }

    private void list(Context ctx) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        for (Adapter adapter : adapters.all()) {
            ObjectNode item = items.addObject();
            item.put("name", adapter.name());
            item.put("status", adapter.health().status());
            item.set("capabilities", adapter.capabilities());
        }
        JsonReply.send(ctx, 200, body);
    }
}

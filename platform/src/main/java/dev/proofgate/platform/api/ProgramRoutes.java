package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.ModelConfig;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** Programs: a stored signature run by a registered adapter with its configuration, created and read by id. */
final class ProgramRoutes {

    private final ProgramStore programs;
    private final SignatureStore signatures;
    private final AdapterRegistry adapters;

    ProgramRoutes(ProgramStore programs, SignatureStore signatures, AdapterRegistry adapters) {
        this.programs = programs;
        this.signatures = signatures;
        this.adapters = adapters;
    }

    void register(Routes routes) {
        routes.post("/api/programs", this::create);
        routes.get("/api/programs/{id}", this::get);
    }

    private void create(Context ctx) {
        JsonNode body = RequestParsing.body(ctx);
        String name = RequestParsing.requiredText(body, "name");
        String signatureId = RequestParsing.requiredText(body, "signature_id");
        String adapter = RequestParsing.requiredText(body, "adapter");
        JsonNode config = body.hasNonNull("config") ? body.get("config") : JsonNodeFactory.instance.objectNode();
        if (!config.isObject()) {
            throw RequestParsing.invalid(ValueProblem.wrongType("config", "map", ValueChecker.describe(config)));
        }
        ModelConfig.problem(config).ifPresent(problem -> {
            throw RequestParsing.invalid(problem);
        });
        if (adapters.find(adapter).isEmpty()) {
            throw new ApiException(
                    422,
                    "validation_error",
                    "unknown adapter '" + adapter + "'",
                    Map.of(
                            "field",
                            "adapter",
                            "expected",
                            "one of "
                                    + adapters.all().stream().map(Adapter::name).toList(),
                            "actual",
                            adapter));
        }
        UUID signature = reference(signatureId, "signature_id");
        if (signatures.find(signature).isEmpty()) {
            throw new ApiException(
                    422,
                    "validation_error",
                    "no signature with id '" + signatureId + "'",
                    Map.of("field", "signature_id", "expected", "the id of a stored signature", "actual", signatureId));
        }
        Program program = programs.create(name, signature, adapter, config);
        ctx.header("Location", "/api/programs/" + program.id());
        JsonReply.send(ctx, 201, Views.program(program));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        Program program =
                programs.find(RequestParsing.id(id, "program")).orElseThrow(() -> ApiException.notFound("program", id));
        JsonReply.send(ctx, 200, Views.program(program));
    }

    /** The id of another resource named in a body field; one that is not a UUID makes the body invalid. */
    private static UUID reference(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    422,
                    "validation_error",
                    "field '" + field + "' must be a UUID",
                    Map.of("field", field, "expected", "uuid", "actual", value));
        }
    }
}

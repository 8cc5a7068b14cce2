package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.execution.ProgramResolver;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Signature;
import dev.proofgate.platform.store.SignatureStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signatures: compiled and stored, compiled only (a dry run), and read by id or by name. */
final class SignatureRoutes {

    private final SignatureStore signatures;
    private final ProgramResolver resolver;
    private final SignatureCompiler compiler;

    SignatureRoutes(SignatureStore signatures, ProgramResolver resolver, SignatureCompiler compiler) {
        this.signatures = signatures;
        this.resolver = resolver;
        this.compiler = compiler;
    }

    void register(Routes routes) {
        routes.post("/api/signatures", this::create);
        routes.post("/api/signatures/compile", this::compile);
        routes.get("/api/signatures/by-name/{name}", this::findByName);
        routes.get("/api/signatures/{id}", this::get);
    }

    private void create(Context ctx) {
        JsonNode body = RequestParsing.body(ctx);
        CompiledSignature compiled = compile(body);
        JsonNode constraints =
                body.hasNonNull("constraints") ? body.get("constraints") : JsonNodeFactory.instance.objectNode();
        Signature stored = signatures
                .create(compiled.name(), compiled.definition(), constraints)
                .orElseThrow(() -> new ApiException(
                        409,
                        "duplicate_name",
                        "a signature named '" + compiled.name() + "' already exists",
                        Map.of("name", compiled.name())));
        ctx.header("Location", "/api/signatures/" + stored.id());
        JsonReply.send(ctx, 201, Views.signature(stored, compiled));
    }

    private void compile(Context ctx) {
        JsonReply.send(ctx, 200, Views.compiled(compile(RequestParsing.body(ctx))));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        Signature signature = signatures
                .find(RequestParsing.id(id, "signature"))
                .orElseThrow(() -> ApiException.notFound("signature", id));
        JsonReply.send(ctx, 200, Views.signature(signature, resolver.compiled(signature.id())));
    }

    private void findByName(Context ctx) {
        String name = ctx.pathParam("name");
        Signature signature = signatures
                .findByName(name)
                .orElseThrow(() -> new ApiException(
                        404,
                        "not_found",
                        "no signature named '" + name + "'",
                        Map.of("resource", "signature", "name", name)));
        JsonReply.send(ctx, 200, Views.signature(signature, resolver.compiled(signature.id())));
    }

    private CompiledSignature compile(JsonNode body) {
        String definition = RequestParsing.requiredText(body, "definition");
        try {
            return compiler.compile(definition, body.get("constraints"));
        } catch (CompileError e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("line", e.line());
            details.put("column", e.column());
            details.put("expected", e.expected());
            throw new ApiException(422, e.type(), e.getMessage(), details);
        }
    }
}

package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.execution.Dispatcher;
import dev.proofgate.platform.execution.ProgramResolver;
import dev.proofgate.platform.execution.ResolvedProgram;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.ExecutionStore;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Executions: submitted for the dispatcher to run (once per {@code Idempotency-Key}), searched, and read by id.
 * A submission is answered 202 as soon as it is committed, with the execution's {@code Location}.
 */
final class ExecutionRoutes {

    private static final Set<String> STATUSES =
            Set.of(Execution.QUEUED, Execution.RUNNING, Execution.COMPLETED, Execution.FAILED);

    private final ExecutionStore executions;
    private final ProgramResolver resolver;
    private final Dispatcher dispatcher;
    private final MeterRegistry metrics;

    ExecutionRoutes(ExecutionStore executions, ProgramResolver resolver, Dispatcher dispatcher, MeterRegistry metrics) {
        this.executions = executions;
        this.resolver = resolver;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    void register(Routes routes) {
        routes.post("/api/executions", this::submit);
        routes.get("/api/executions", this::search);
        routes.get("/api/executions/{id}", this::get);
    }

    private void submit(Context ctx) {
        JsonNode body = RequestParsing.body(ctx);
        String programId = RequestParsing.requiredText(body, "program_id");
        ResolvedProgram program = resolver.resolve(RequestParsing.id(programId, "program"))
                .orElseThrow(() -> ApiException.notFound("program", programId));
        JsonNode inputs = body.get("inputs");
        Optional<ValueProblem> problem = ValueChecker.check(program.signature().inputs(), inputs);
        if (problem.isPresent()) {
            throw RequestParsing.invalid(problem.get());
        }
        String idempotencyKey = ctx.header("Idempotency-Key");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    "Idempotency-Key must be 1-200 characters",
                    Map.of("header", "Idempotency-Key"));
        }
        ExecutionStore.Submission submission = executions.submit(
                program.program().id(),
                program.program().adapter(),
                inputs,
                Authentication.client(ctx),
                idempotencyKey);
        if (!submission.replayed()) {
            metrics.counter("proofgate_executions_submitted").increment();
            dispatcher.wake(program.program().id());
        }
        Execution execution = submission.execution();
        String location = "/api/executions/" + execution.id();
        ctx.header("Location", location);
        if (submission.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ObjectNode view = Views.execution(execution);
        view.put("location", location);
        JsonReply.send(ctx, 202, view);
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        Execution execution = executions
                .find(RequestParsing.id(id, "execution"))
                .orElseThrow(() -> ApiException.notFound("execution", id));
        JsonReply.send(ctx, 200, Views.execution(execution));
    }

    private void search(Context ctx) {
        UUID program = programParam(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    "status must be one of " + STATUSES,
                    Map.of("parameter", "status", "actual", status));
        }
        int limit = intParam(ctx, "limit", 20, 1, 200);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ExecutionStore.Page page = executions.search(program, status, limit, offset);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(execution -> items.add(Views.execution(execution)));
        body.put("total", page.total());
        body.put("limit", limit);
        body.put("offset", offset);
        JsonReply.send(ctx, 200, body);
    }

    private static UUID programParam(Context ctx) {
        String value = ctx.queryParam("program_id");
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    "program_id must be a UUID",
                    Map.of("parameter", "program_id", "actual", value));
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    name + " must be an integer in [" + min + ", " + max + "]",
                    Map.of("parameter", name, "actual", raw));
        }
    }
}

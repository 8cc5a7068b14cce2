package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.ModelConfig;
import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.execution.Dispatcher;
import dev.proofgate.platform.execution.ProgramResolver;
import dev.proofgate.platform.execution.ResolvedProgram;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.DatabaseUnavailableException;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.Json;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.Signature;
import dev.proofgate.platform.store.SignatureStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST API, /health and /metrics. Every error leaves in one shape: {"error":{"type","message","details"}}. */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Set<String> STATUSES = Set.of(Execution.QUEUED, Execution.RUNNING, Execution.COMPLETED, Execution.FAILED);
    private static final String ERROR_WRITTEN = "proofgate.error-written";
    private static final String TIMER = "proofgate.timer";
    private static final String STARTED = "proofgate.started";

    private final Settings settings;
    private final SignatureStore signatures;
    private final ProgramStore programs;
    private final ExecutionStore executions;
    private final ProgramResolver resolver;
    private final SignatureCompiler compiler;
    private final AdapterRegistry adapters;
    private final Dispatcher dispatcher;
    private final PrometheusMeterRegistry metrics;
    private final Health health;
    private final RateLimiter rateLimiter;
    private final RateLimiter authFailures;
    private final List<byte[]> apiKeys;
    private final ApiDescription description;
    private final Set<String> registered = new java.util.TreeSet<>();

    public HttpApi(Settings settings, Database database, SignatureStore signatures, ProgramStore programs,
                   ExecutionStore executions, ProgramResolver resolver, SignatureCompiler compiler,
                   AdapterRegistry adapters, Dispatcher dispatcher, PrometheusMeterRegistry metrics, String version) {
        this.settings = settings;
        this.signatures = signatures;
        this.programs = programs;
        this.executions = executions;
        this.resolver = resolver;
        this.compiler = compiler;
        this.adapters = adapters;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.health = new Health(database, adapters, dispatcher, compiler, version);
        this.rateLimiter = new RateLimiter(settings.rateLimitPerSecond());
        this.authFailures = new RateLimiter(settings.authFailuresPerSecond());
        this.apiKeys = settings.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("body_bytes", settings.bodyLimitBytes());
        limits.put("requests_per_second_per_key", (long) settings.rateLimitPerSecond());
        limits.put("auth_failures_per_second", (long) settings.authFailuresPerSecond());
        limits.put("latency_ms", ModelConfig.MAX_LATENCY_MS);
        limits.put("nesting_depth", (long) RequestChecks.MAX_NESTING);
        this.description = new ApiDescription(version, limits);
    }

    public Javalin start() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.bodyLimitBytes();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(2_000));

            config.routes.before(RequestLog::begin);
            config.routes.before(this::startTimer);
            config.routes.before("/api/*", this::guard);
            config.routes.after(this::stopTimer);

            route(config, "GET", "/health", this::healthReport);
            route(config, "GET", "/health/live", ctx -> json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "up")));
            route(config, "GET", "/health/ready", this::readiness);
            route(config, "GET", "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            route(config, "GET", ApiDescription.PATH, ctx -> json(ctx, 200, description.document()));

            route(config, "POST", "/api/signatures", this::createSignature);
            route(config, "POST", "/api/signatures/compile", this::compileSignature);
            route(config, "GET", "/api/signatures/by-name/{name}", this::findSignatureByName);
            route(config, "GET", "/api/signatures/{id}", this::getSignature);
            route(config, "POST", "/api/programs", this::createProgram);
            route(config, "GET", "/api/programs/{id}", this::getProgram);
            route(config, "GET", "/api/adapters", this::listAdapters);
            route(config, "POST", "/api/executions", this::submitExecution);
            route(config, "GET", "/api/executions", this::searchExecutions);
            route(config, "GET", "/api/executions/{id}", this::getExecution);

            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
            config.routes.exception(DatabaseUnavailableException.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                error(ctx, new ApiException(503, "service_unavailable", "the database is unreachable; the request changed nothing, retry later"));
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, fromJavalin(e.getStatus(), e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {} (request {})", ctx.method(), ctx.path(), RequestLog.id(ctx), e);
                error(ctx, new ApiException(500, "internal_error", "unexpected error; see the platform log"));
            });
            config.routes.error(404, ctx -> unlessWritten(ctx, new ApiException(404, "not_found", "no route " + ctx.method() + " " + ctx.path())));
            config.routes.error(405, ctx -> unlessWritten(ctx, new ApiException(405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
            config.routes.error(413, ctx -> unlessWritten(ctx, tooLarge()));
        });
        description.verify(registered);
        return app.start();
    }

    /** Registers a route and remembers it, so start-up can check it against the published description. */
    private void route(io.javalin.config.JavalinConfig config, String method, String path, io.javalin.http.Handler handler) {
        registered.add(method + " " + path);
        if (method.equals("GET")) {
            config.routes.get(path, handler);
        } else {
            config.routes.post(path, handler);
        }
    }

    // --- cross-cutting ---------------------------------------------------------------------------

    private void startTimer(Context ctx) {
        ctx.attribute(TIMER, Timer.start(metrics));
        ctx.attribute(STARTED, System.nanoTime());
    }

    private void stopTimer(Context ctx) {
        Timer.Sample sample = ctx.attribute(TIMER);
        if (sample != null) {
            Endpoint endpoint = null;
            try {
                endpoint = ctx.endpoint();
            } catch (RuntimeException ignored) {
                // no matched endpoint (404)
            }
            String route = endpoint == null ? "unmatched" : endpoint.path;
            sample.stop(metrics.timer("proofgate_http_requests", "method", ctx.method().name(), "route", route,
                    "status", Integer.toString(ctx.statusCode())));
            Long started = ctx.attribute(STARTED);
            RequestLog.end(ctx, route, started == null ? 0 : System.nanoTime() - started);
        }
    }

    private void guard(Context ctx) {
        if (ctx.path().equals(ApiDescription.PATH)) {
            return; // the description is public, as it says of itself
        }
        String key = presentedKey(ctx);
        byte[] presented = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        if (presented == null || apiKeys.stream().noneMatch(k -> MessageDigest.isEqual(k, presented))) {
            // Guessing keys costs like any other traffic: failed attempts are throttled per client address.
            long wait = authFailures.acquire("address:" + ctx.ip());
            if (wait > 0) {
                ctx.header("Retry-After", Long.toString(wait));
                throw new ApiException(429, "rate_limited", "more than " + settings.authFailuresPerSecond()
                        + " requests without a valid key per second from this address",
                        Map.of("limit_per_second", settings.authFailuresPerSecond(), "retry_after_seconds", wait));
            }
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "a valid API key is required (Authorization: Bearer <key> or X-API-Key)");
        }
        String client = clientKey(key);
        ctx.attribute("client", client);
        int limit = settings.rateLimitOf(key);
        ctx.header("RateLimit-Limit", Integer.toString(limit)); // this key's requests per second
        long retryAfter = rateLimiter.acquire(client, limit);
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new ApiException(429, "rate_limited", "more than " + limit + " requests per second for this key",
                    Map.of("limit_per_second", limit, "retry_after_seconds", retryAfter));
        }
        String length = ctx.header("Content-Length");
        long declared = length == null ? -1 : parseLong(length);
        if (declared > settings.bodyLimitBytes()) {
            RefusedBody.discard(ctx, declared, settings.bodyLimitBytes());
            throw tooLarge();
        }
        if (ctx.method().name().equals("POST")) {
            RequestChecks.mediaType(ctx.header("Content-Type"));
        }
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return ctx.header("X-API-Key");
    }

    /** A stable, non-secret name for a key: the first 16 hex digits of its SHA-256. */
    private static String clientKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "request body exceeds " + settings.bodyLimitBytes() + " bytes",
                Map.of("limit_bytes", settings.bodyLimitBytes()));
    }

    private ApiException fromJavalin(int status, String message) {
        return switch (status) {
            case 413 -> tooLarge();
            case 404 -> new ApiException(404, "not_found", message);
            case 405 -> new ApiException(405, "method_not_allowed", message);
            default -> new ApiException(status, status >= 500 ? "internal_error" : "bad_request", message);
        };
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiException(400, "malformed_json", "request body is empty; a JSON object is required");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "malformed_json", "request body must be a JSON object");
            }
            RequestChecks.shape(node);
            return node;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ApiException(422, "validation_error", "request body nests deeper than " + RequestChecks.MAX_NESTING + " levels",
                    Map.of("field", "body", "expected", "at most " + RequestChecks.MAX_NESTING + " levels of nesting", "actual", "deeper"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "request body is not valid JSON: " + e.getOriginalMessage(),
                    Map.of("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            "column", e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw invalid(ValueProblem.wrongType(field, "string", "missing"));
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(ValueProblem.wrongType(field, "non-empty string", value.isTextual() ? "empty string" : ValueChecker.describe(value)));
        }
        return value.asText();
    }

    private static ApiException invalid(ValueProblem problem) {
        return new ApiException(422, problem.type(), problem.message(), problem.details());
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what, value);
        }
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static void error(Context ctx, ApiException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", e.type());
        error.put("message", e.getMessage());
        error.set("details", Json.MAPPER.valueToTree(e.details()));
        ctx.attribute(ERROR_WRITTEN, true);
        json(ctx, e.status(), body);
    }

    private static void unlessWritten(Context ctx, ApiException e) {
        if (ctx.attribute(ERROR_WRITTEN) == null) {
            error(ctx, e);
        }
    }

    // --- health ----------------------------------------------------------------------------------

    private void healthReport(Context ctx) {
        ObjectNode report = health.report();
        boolean down = "down".equals(report.path("status").asText());
        if (down) {
            ctx.header("Retry-After", "5");
        }
        json(ctx, down ? 503 : 200, report);
    }

    private void readiness(Context ctx) {
        boolean ready = health.ready();
        if (!ready) {
            ctx.header("Retry-After", "5");
        }
        json(ctx, ready ? 200 : 503, JsonNodeFactory.instance.objectNode().put("status", ready ? "ready" : "not_ready"));
    }

    // --- signatures ------------------------------------------------------------------------------

    private CompiledSignature compile(JsonNode body) {
        String definition = requiredText(body, "definition");
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

    private void createSignature(Context ctx) {
        JsonNode body = body(ctx);
        CompiledSignature compiled = compile(body);
        JsonNode constraints = body.hasNonNull("constraints") ? body.get("constraints") : JsonNodeFactory.instance.objectNode();
        Signature stored = signatures.create(compiled.name(), compiled.definition(), constraints)
                .orElseThrow(() -> new ApiException(409, "duplicate_name", "a signature named '" + compiled.name() + "' already exists",
                        Map.of("name", compiled.name())));
        ctx.header("Location", "/api/signatures/" + stored.id());
        json(ctx, 201, Views.signature(stored, compiled));
    }

    private void compileSignature(Context ctx) {
        json(ctx, 200, Views.compiled(compile(body(ctx))));
    }

    private void getSignature(Context ctx) {
        String id = ctx.pathParam("id");
        Signature signature = signatures.find(uuid(id, "signature")).orElseThrow(() -> ApiException.notFound("signature", id));
        json(ctx, 200, Views.signature(signature, resolver.compiled(signature.id())));
    }

    private void findSignatureByName(Context ctx) {
        String name = ctx.pathParam("name");
        Signature signature = signatures.findByName(name)
                .orElseThrow(() -> new ApiException(404, "not_found", "no signature named '" + name + "'", Map.of("resource", "signature", "name", name)));
        json(ctx, 200, Views.signature(signature, resolver.compiled(signature.id())));
    }

    // --- programs and adapters -------------------------------------------------------------------

    private void createProgram(Context ctx) {
        JsonNode body = body(ctx);
        String name = requiredText(body, "name");
        String signatureId = requiredText(body, "signature_id");
        String adapter = requiredText(body, "adapter");
        JsonNode config = body.hasNonNull("config") ? body.get("config") : JsonNodeFactory.instance.objectNode();
        if (!config.isObject()) {
            throw invalid(ValueProblem.wrongType("config", "map", ValueChecker.describe(config)));
        }
        ModelConfig.problem(config).ifPresent(problem -> {
            throw invalid(problem);
        });
        if (adapters.find(adapter).isEmpty()) {
            throw new ApiException(422, "validation_error", "unknown adapter '" + adapter + "'",
                    Map.of("field", "adapter", "expected", "one of " + adapters.all().stream().map(Adapter::name).toList(), "actual", adapter));
        }
        UUID signature = parseReference(signatureId, "signature_id");
        if (signatures.find(signature).isEmpty()) {
            throw new ApiException(422, "validation_error", "no signature with id '" + signatureId + "'",
                    Map.of("field", "signature_id", "expected", "the id of a stored signature", "actual", signatureId));
        }
        Program program = programs.create(name, signature, adapter, config);
        ctx.header("Location", "/api/programs/" + program.id());
        json(ctx, 201, Views.program(program));
    }

    private static UUID parseReference(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "validation_error", "field '" + field + "' must be a UUID",
                    Map.of("field", field, "expected", "uuid", "actual", value));
        }
    }

    private void getProgram(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, 200, Views.program(programs.find(uuid(id, "program")).orElseThrow(() -> ApiException.notFound("program", id))));
    }

    private void listAdapters(Context ctx) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode items = body.putArray("items");
        for (Adapter adapter : adapters.all()) {
            ObjectNode item = items.addObject();
            item.put("name", adapter.name());
            item.put("status", adapter.health().status());
            item.set("capabilities", adapter.capabilities());
        }
        json(ctx, 200, body);
    }

    // --- executions ------------------------------------------------------------------------------

    private void submitExecution(Context ctx) {
        JsonNode body = body(ctx);
        String programId = requiredText(body, "program_id");
        ResolvedProgram program = resolver.resolve(uuid(programId, "program"))
                .orElseThrow(() -> ApiException.notFound("program", programId));
        JsonNode inputs = body.get("inputs");
        Optional<ValueProblem> problem = ValueChecker.check(program.signature().inputs(), inputs);
        if (problem.isPresent()) {
            throw invalid(problem.get());
        }
        String idempotencyKey = ctx.header("Idempotency-Key");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ApiException(400, "invalid_parameter", "Idempotency-Key must be 1-200 characters", Map.of("header", "Idempotency-Key"));
        }
        ExecutionStore.Submission submission = executions.submit(program.program().id(), program.program().adapter(), inputs,
                ctx.attribute("client"), idempotencyKey);
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
        json(ctx, 202, view);
    }

    private void getExecution(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, 200, Views.execution(executions.find(uuid(id, "execution")).orElseThrow(() -> ApiException.notFound("execution", id))));
    }

    private void searchExecutions(Context ctx) {
        String programParam = ctx.queryParam("program_id");
        UUID program = null;
        if (programParam != null) {
            try {
                program = UUID.fromString(programParam);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_parameter", "program_id must be a UUID", Map.of("parameter", "program_id", "actual", programParam));
            }
        }
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw new ApiException(400, "invalid_parameter", "status must be one of " + STATUSES, Map.of("parameter", "status", "actual", status));
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
        json(ctx, 200, body);
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
            throw new ApiException(400, "invalid_parameter", name + " must be an integer in [" + min + ", " + max + "]",
                    Map.of("parameter", name, "actual", raw));
        }
    }
}

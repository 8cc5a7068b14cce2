package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every status code and error type of the API, produced against the real platform and PostgreSQL. */
class HttpApiTest {

    private static TestDatabase database;
    private static RunningPlatform platform;
    private static Http http;
    private static Fixtures fixtures;

    @BeforeAll
    static void start() {
        database = new TestDatabase();
        platform = new RunningPlatform(database, Map.of("PROOFGATE_BODY_LIMIT_BYTES", "2048"));
        http = platform.http();
        fixtures = new Fixtures(http);
    }

    @AfterAll
    static void stop() {
        platform.close();
        database.close();
    }

    @Test
    void acceptedExecutionAnswers202WithLocationAndCompletes() {
        String program = fixtures.program("native", "{}");
        Http.Reply accepted = http.post(
                "/api/executions", "{\"program_id\": \"" + program + "\", \"inputs\": {\"question\": \"q\"}}");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location"))
                .isEqualTo("/api/executions/" + accepted.body().path("id").asText());
        assertThat(fixtures.awaitFinished(accepted.body().path("id").asText(), Duration.ofSeconds(20))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void idempotencyKeyReturnsTheSameExecution() {
        String program = fixtures.program("native", "{}");
        String body = "{\"program_id\": \"" + program + "\", \"inputs\": {\"question\": \"once\"}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/executions"))
                .header("Authorization", "Bearer " + Http.KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "retry-42")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Http.Reply first = http.send(request);
        Http.Reply second = http.send(request);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.body().path("id").asText())
                .isEqualTo(first.body().path("id").asText());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/api/executions?program_id=" + program)
                        .body()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void searchPagesThroughAProgramsHistory() {
        String program = fixtures.program("native", "{}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixtures.submit(program, "q" + i));
        }
        ids.forEach(id -> fixtures.awaitFinished(id, Duration.ofSeconds(20)));
        Http.Reply page = http.get("/api/executions?program_id=" + program + "&status=completed&limit=2&offset=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("total").asInt()).isEqualTo(5);
        assertThat(page.body().path("items").size()).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400() {
        Http.Reply reply = http.post("/api/signatures", "{\"definition\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("malformed_json");
        assertThat(reply.body().path("error").has("details")).isTrue();
    }

    @Test
    void badQueryParameterIs400() {
        Http.Reply reply = http.get("/api/executions?status=lost");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_parameter");
    }

    @Test
    void missingOrWrongKeyIs401() {
        Http.Reply none =
                http.send(HttpRequest.newBuilder(http.uri("/api/adapters")).GET());
        Http.Reply wrong = http.send(HttpRequest.newBuilder(http.uri("/api/adapters"))
                .header("X-API-Key", "not-the-key")
                .GET());
        Http.Reply viaHeader = http.send(HttpRequest.newBuilder(http.uri("/api/adapters"))
                .header("X-API-Key", Http.KEY)
                .GET());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorType()).isEqualTo("unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(viaHeader.status()).isEqualTo(200);
    }

    @Test
    void unknownResourcesAndRoutesAre404() {
        assertThat(http.get("/api/signatures/00000000-0000-0000-0000-000000000000")
                        .errorType())
                .isEqualTo("not_found");
        assertThat(http.get("/api/programs/not-a-uuid").status()).isEqualTo(404);
        Http.Reply route = http.get("/api/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.errorType()).isEqualTo("not_found");
        Http.Reply program = http.post(
                "/api/executions", "{\"program_id\": \"00000000-0000-0000-0000-000000000000\", \"inputs\": {}}");
        assertThat(program.status()).isEqualTo(404);
        assertThat(program.body().at("/error/details/resource").asText()).isEqualTo("program");
    }

    @Test
    void wrongMethodIs405() {
        Http.Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/adapters"))
                .header("Authorization", "Bearer " + Http.KEY)
                .DELETE());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorType()).isEqualTo("method_not_allowed");
    }

    @Test
    void duplicateSignatureNameIs409() {
        String body = "{\"definition\": \"signature twice_named: :string q -> :string a\"}";
        assertThat(http.post("/api/signatures", body).status()).isIn(201, 409);
        Http.Reply again = http.post("/api/signatures", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("duplicate_name");
    }

    @Test
    void bodyOverTheLimitIs413() {
        Http.Reply reply = http.post("/api/signatures", "{\"definition\": \"" + "x".repeat(4096) + "\"}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorType()).isEqualTo("payload_too_large");
    }

    @Test
    void nonJsonBodyIs415() {
        Http.Reply reply = http.send(HttpRequest.newBuilder(http.uri("/api/signatures"))
                .header("Authorization", "Bearer " + Http.KEY)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("signature s: :string q -> :string a")));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorType()).isEqualTo("unsupported_media_type");
    }

    @Test
    void compileErrorsAre422WithTheirType() {
        Map<String, String> cases = Map.of(
                "signature s: :string q -> answer", "syntax_error",
                "signature s: :text q -> :string a", "unknown_type",
                "signature s: :string q, :integer q -> :string a", "duplicate_field",
                "signature s: -> :string a", "empty_side");
        cases.forEach((definition, type) -> {
            Http.Reply reply = http.post("/api/signatures/compile", "{\"definition\": \"" + definition + "\"}");
            assertThat(reply.status()).as(definition).isEqualTo(422);
            assertThat(reply.errorType()).as(definition).isEqualTo(type);
            assertThat(reply.body().at("/error/details/line").asInt())
                    .as(definition)
                    .isEqualTo(1);
            assertThat(reply.body().at("/error/details/column").asInt())
                    .as(definition)
                    .isPositive();
        });
        Http.Reply constraint = http.post(
                "/api/signatures/compile",
                "{\"definition\": \"signature s: :string q -> :string a\", \"constraints\": {\"q\": {\"max\": 3}}}");
        assertThat(constraint.errorType()).isEqualTo("invalid_constraint");
    }

    @Test
    void dryRunCompileStoresNothing() {
        Http.Reply reply = http.post(
                "/api/signatures/compile", "{\"definition\": \"signature dry_only: :string q -> :string a\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/input_schema/properties/q/type").asText()).isEqualTo("string");
        assertThat(http.get("/api/signatures/by-name/dry_only").status()).isEqualTo(404);
        assertThat(database.count("select count(*) from signatures where name = 'dry_only'"))
                .isZero();
    }

    @Test
    void wrongInputTypeIs422NamingFieldExpectedAndActual() {
        String program = fixtures.program("native", "{}");
        Http.Reply reply =
                http.post("/api/executions", "{\"program_id\": \"" + program + "\", \"inputs\": {\"question\": 42}}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorType()).isEqualTo("validation_error");
        assertThat(reply.body().at("/error/details/field").asText()).isEqualTo("question");
        assertThat(reply.body().at("/error/details/expected").asText()).isEqualTo(":string");
        assertThat(reply.body().at("/error/details/actual").asText()).isEqualTo("integer");
        assertThat(database.count("select count(*) from executions where program_id = '" + program + "'"))
                .isZero();
    }

    @Test
    void brokenConstraintIs422NamingConstraintLimitAndActual() {
        Http.Reply signature = http.post(
                "/api/signatures",
                "{\"definition\": \"signature limited_q: :string question -> :string answer\","
                        + " \"constraints\": {\"question\": {\"minLength\": 5}}}");
        String signatureId = signature.body().path("id").asText();
        String program = http.post(
                        "/api/programs",
                        "{\"name\": \"limited\", \"signature_id\": \"" + signatureId + "\", \"adapter\": \"native\"}")
                .body()
                .path("id")
                .asText();
        Http.Reply reply = http.post(
                "/api/executions", "{\"program_id\": \"" + program + "\", \"inputs\": {\"question\": \"Why\"}}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorType()).isEqualTo("constraint_violation");
        assertThat(reply.body().at("/error/details/constraint").asText()).isEqualTo("minLength");
        assertThat(reply.body().at("/error/details/limit").asInt()).isEqualTo(5);
        assertThat(reply.body().at("/error/details/actual").asInt()).isEqualTo(3);
    }

    @Test
    void unknownAdapterOrSignatureIs422OnProgramCreation() {
        Http.Reply adapter = http.post(
                "/api/programs",
                "{\"name\": \"p\", \"signature_id\": \"00000000-0000-0000-0000-000000000000\", \"adapter\": \"gpt\"}");
        assertThat(adapter.status()).isEqualTo(422);
        assertThat(adapter.body().at("/error/details/field").asText()).isEqualTo("adapter");
        Http.Reply signature = http.post(
                "/api/programs",
                "{\"name\": \"p\", \"signature_id\": \"00000000-0000-0000-0000-000000000000\", \"adapter\": \"native\"}");
        assertThat(signature.body().at("/error/details/field").asText()).isEqualTo("signature_id");
    }

    @Test
    void healthListsEveryComponentAndMetricsAreExposed() {
        Http.Reply health =
                http.send(HttpRequest.newBuilder(http.uri("/health")).GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "database", "python_bridge", "signature_system", "adapter_registry", "execution_queue");
        assertThat(http.send(HttpRequest.newBuilder(http.uri("/health/live")).GET())
                        .status())
                .isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(http.uri("/health/ready")).GET())
                        .status())
                .isEqualTo(200);
        String metrics = http.send(HttpRequest.newBuilder(http.uri("/metrics")).GET())
                .body()
                .path("raw")
                .asText();
        assertThat(metrics)
                .contains(
                        "proofgate_http_requests_seconds_count",
                        "proofgate_queue_depth",
                        "proofgate_bridge_restarts_total",
                        "jvm_memory_used_bytes");
        assertThat(metrics + health.body()).doesNotContain(Http.KEY);
    }
}

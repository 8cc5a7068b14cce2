package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.checklists.ApiDescription;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.MalformedRequestCorpus;
import dev.proofgate.acceptance.checklists.RawHttp;
import dev.proofgate.acceptance.checklists.WorkerUnderProbe;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.machine.TimedJudgement;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.support.Waits;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The robustness checklist: malformed input of every kind, answered with a reason, hurting nobody. */
public final class RobustnessSteps {

    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;

    public RobustnessSteps(ReadinessWorld world, ChecklistScenario scenario) {
        this.world = world;
        this.scenario = scenario;
    }

    @When("the generated corpus of malformed requests is sent to every published operation")
    public void theCorpusIsSent() throws Exception {
        String name = world.uniqueName("corpus_target");
        Signature signature = world.signatures().declare("signature " + name + ": :string question, :optional(:map) context -> :string answer", null)
                .orFail("declaring the corpus's target signature");
        String nativeProgram = world.programs().create("corpus native", signature.id(), "native", null).orFail("a native program")
                .id();
        String pythonProgram = world.programs().create("corpus python", signature.id(), "python_port", null)
                .orFail("a python_port program").id();
        MalformedRequestCorpus corpus = new MalformedRequestCorpus(scenario.description().operations(),
                new MalformedRequestCorpus.Targets(signature.id(), name, nativeProgram, pythonProgram),
                scenario.publishedLimit("body_bytes"), world.environment().apiKey());
        List<MalformedRequestCorpus.MalformedRequest> requests = corpus.generate(world.settings().corpusSize());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<RawHttp.Exchange>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (MalformedRequestCorpus.MalformedRequest request : requests) {
                answers.add(senders.submit(() -> {
                    RawHttp.Exchange answer = scenario.http().send(request.method(), request.path(), request.headers(), request.body());
                    // A pooled connection the server closed after refusing an unread body fails on the client side only:
                    // ask once more on a new connection; a platform that is really down fails again.
                    return answer.status() == 0
                            ? scenario.http().sendOnNewConnection(request.method(), request.path(), request.headers(), request.body()) : answer;
                }));
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
            List<String> serverErrors = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                RawHttp.Exchange answer = answers.get(i).get();
                byStatus.merge(answer.status(), 1, Integer::sum);
                byKind.computeIfAbsent(requests.get(i).kind(), kind -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                if (answer.serverError()) {
                    serverErrors.add("#" + i + " " + requests.get(i).kind() + ": " + answer.summary());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Evidence.text("corpus", requests.size() + " requests generated from seed " + MalformedRequestCorpus.SEED + " against "
                    + scenario.description().operations().stream().filter(ApiDescription.Operation::needsKey).count()
                    + " operations, sent by 4 clients in " + String.format("%.1f", seconds) + " s");
            Evidence.rows("corpus answers by status", byStatus.entrySet().stream().map(e -> row("status", e.getKey(), "requests", e.getValue())).toList());
            Evidence.rows("corpus answers by kind of mutation and status", byKind.entrySet().stream()
                    .map(e -> row("mutation", e.getKey(), "statuses", e.getValue().toString())).toList());
            Evidence.text("server errors (first 50)", serverErrors.isEmpty() ? "none" : String.join("\n", serverErrors.subList(0, Math.min(50, serverErrors.size()))));
            scenario.measured("server errors", serverErrors);
        } finally {
            senders.shutdownNow();
        }
    }

    @Then("no request of the corpus got a server error")
    public void noServerError() {
        List<String> serverErrors = scenario.measured("server errors");
        assertThat(serverErrors).as("corpus requests answered with a server error (%d)", serverErrors.size()).isEmpty();
    }

    @Then("the platform reports itself ready")
    public void thePlatformReportsItselfReady() {
        RawHttp.Exchange ready = Waits.until("the platform to report ready", scenario.awaitTimeout(),
                () -> scenario.http().get("/health/ready", Map.of()), answer -> answer.status() == 200);
        Evidence.text("readiness", ready.summary());
    }

    @Then("a NUL character is refused with a reason in each of:")
    public void aNulCharacterIsRefused(List<String> places) {
        String signatureId = world.signature().id();
        String programId = world.program().id();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String place : places) {
            String body = switch (place) {
                case "a question" -> "{\"program_id\": \"" + programId + "\", \"inputs\": {\"question\": \"why\\u0000not\"}}";
                case "a program name" -> "{\"name\": \"nul\\u0000name\", \"signature_id\": \"" + signatureId + "\", \"adapter\": \"native\"}";
                case "a program setting" -> "{\"name\": \"nul setting\", \"signature_id\": \"" + signatureId
                        + "\", \"adapter\": \"native\", \"config\": {\"fail_with\": \"a\\u0000b\"}}";
                default -> throw new IllegalArgumentException("unknown place for a NUL character: " + place);
            };
            String path = place.equals("a question") ? "/api/executions" : "/api/programs";
            RawHttp.Exchange answer = scenario.http().send("POST", path, scenario.keyed(), body.getBytes(StandardCharsets.UTF_8));
            rows.add(row("place", place, "status", answer.status(), "reason", answer.errorType(), "answer", answer.body()));
            if (answer.status() != 422 || !"validation_error".equals(answer.errorType())) {
                wrong.add(place + ": " + answer.summary());
            }
        }
        Evidence.rows("NUL characters and the answers", rows);
        assertThat(wrong).as("NUL characters not refused as a validation error").isEmpty();
    }

    @Then("a body declared in each of these character sets is refused as an unsupported media type on every write operation:")
    public void aBodyInAnUnknownCharsetIsRefused(List<String> charsets) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ApiDescription.Operation operation : scenario.description().operations()) {
            if (!operation.hasBody()) {
                continue;
            }
            for (String charset : charsets) {
                Map<String, String> headers = new java.util.LinkedHashMap<>(scenario.keyed());
                headers.put("Content-Type", "application/json; charset=" + charset);
                RawHttp.Exchange answer = scenario.http().send(operation.method(), operation.path(), headers, "{}".getBytes(StandardCharsets.UTF_8));
                rows.add(row("operation", operation.label(), "charset", charset, "status", answer.status(), "reason", answer.errorType()));
                if (answer.status() != UNSUPPORTED_MEDIA_TYPE || !"unsupported_media_type".equals(answer.errorType())) {
                    wrong.add(operation.label() + " with charset " + charset + ": " + answer.summary());
                }
            }
        }
        Evidence.rows("write operations with unknown character sets", rows);
        assertThat(rows).as("write operations found in the description").isNotEmpty();
        assertThat(wrong).as("bodies in unknown character sets not refused as an unsupported media type").isEmpty();
    }

    @Given("a signature that takes a map")
    public void aSignatureThatTakesAMap() {
        world.signature(world.signatures().declare("signature " + world.uniqueName("map_taker") + ": :string question, :map context -> :string answer", null)
                .orFail("declaring a signature that takes a map"));
    }

    @When("a user sends inputs nested {int} levels deep")
    public void aUserSendsDeeplyNestedInputs(int depth) {
        scenario.measured("restarts before", scenario.health().path("components").path("python_bridge").path("restarts").asLong());
        String nested = "{\"k\":".repeat(depth - 2) + "1" + "}".repeat(depth - 2);
        String body = "{\"program_id\": \"" + world.program().id() + "\", \"inputs\": {\"question\": \"deep\", \"context\": " + nested + "}}";
        RawHttp.Exchange answer = scenario.http().send("POST", "/api/executions", scenario.keyed(), body.getBytes(StandardCharsets.UTF_8));
        Evidence.text("answer to inputs nested " + depth + " levels deep", answer.summary());
        scenario.measured("deep answer", answer);
    }

    @Then("the request is refused because the inputs nest too deeply")
    public void theRequestIsRefusedForNesting() {
        RawHttp.Exchange answer = scenario.measured("deep answer");
        assertThat(answer.status()).as("the deeply nested request was %s", answer.status() == 202 ? "accepted for execution" : "answered " + answer.summary())
                .isEqualTo(422);
        assertThat(answer.errorType()).as("reason given").isEqualTo("validation_error");
        assertThat(answer.body()).as("the reason names the nesting bound").contains("nest");
    }

    @Then("a question on the program is still answered within {int} seconds without a worker restart")
    public void aQuestionIsStillAnswered(int seconds) {
        Execution submitted = world.executions().submit(world.program().id(),
                Json.parse("{\"question\": \"still there?\", \"context\": {}}")).orFail("a plain question after the deep one");
        String id = submitted.id();
        Execution done = Waits.until("execution " + id + " to complete", Duration.ofSeconds(seconds),
                () -> world.executions().get(id).orFail("reading execution " + id), e -> "completed".equals(e.status()));
        long restarts = scenario.health().path("components").path("python_bridge").path("restarts").asLong();
        Evidence.text("the plain question, answered", done.toString());
        assertThat(restarts).as("Python worker restarts since the deep request").isEqualTo((long) (Long) scenario.measured("restarts before"));
    }

    @When("a worker is sent a request whose arguments nest {int} levels deep")
    public void aWorkerIsSentADeepRequest(int depth) {
        try (WorkerUnderProbe worker = WorkerUnderProbe.start(world.settings().python())) {
            scenario.measured("worker request id", "deep-request-1");
            String payload = "{\"id\": \"deep-request-1\", \"command\": \"execute\", \"args\": {\"inputs\": " + "[".repeat(depth) + "]".repeat(depth) + "}}";
            JsonNode answer = worker.sendPayload(payload.getBytes(StandardCharsets.UTF_8), false);
            Evidence.json("worker's answer to a request nested " + depth + " levels deep", answer.toPrettyString());
            scenario.measured("worker answer", answer);
            scenario.measured("worker health after", worker.health());
        }
    }

    @Then("the worker answers the request by its id with a typed error")
    public void theWorkerAnswersByItsId() {
        JsonNode answer = scenario.measured("worker answer");
        assertThat(answer.path("id").asText(null)).as("request id in the worker's answer %s", answer).isEqualTo(scenario.measured("worker request id"));
        assertThat(answer.path("ok").asBoolean(true)).as("the worker reported success").isFalse();
        assertThat(answer.path("error").path("type").asText()).as("error type").isIn("invalid_arguments", "malformed_frame");
    }

    @Then("the worker still reports its health")
    public void theWorkerStillReportsItsHealth() {
        JsonNode health = scenario.measured("worker health after");
        assertThat(health.path("result").path("status").asText()).as("worker health after the hostile request: %s", health).isEqualTo("ok");
    }

    @When("a worker is sent a request one byte over its frame limit")
    public void aWorkerIsSentAnOversizedRequest() {
        try (WorkerUnderProbe worker = WorkerUnderProbe.start(world.settings().python())) {
            String head = "{\"id\": \"oversized-request-1\", \"command\": \"execute\", \"args\": {\"pad\": \"";
            byte[] payload = new byte[WorkerUnderProbe.MAX_FRAME_BYTES]; // with the flags byte, one over the limit
            java.util.Arrays.fill(payload, (byte) 'x');
            byte[] start = head.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(start, 0, payload, 0, start.length);
            payload[payload.length - 3] = '"';
            payload[payload.length - 2] = '}';
            payload[payload.length - 1] = '}';
            JsonNode answer = worker.sendPayload(payload, false);
            Evidence.json("worker's answer to a request of " + payload.length + " bytes (limit " + WorkerUnderProbe.MAX_FRAME_BYTES
                    + " bytes including the flags byte)", answer.toPrettyString());
            scenario.measured("worker request id", "oversized-request-1");
            scenario.measured("worker answer", answer);
            scenario.measured("worker health after", worker.health());
        }
    }

    @Then("the worker refuses it as too large, naming the request by its id")
    public void theWorkerRefusesItAsTooLargeByItsId() {
        theWorkerRefusesItAsTooLarge();
        JsonNode answer = scenario.measured("worker answer");
        assertThat(answer.path("id").asText(null)).as("request id in the worker's refusal %s", answer).isEqualTo(scenario.measured("worker request id"));
    }

    @When("a worker is sent a compressed frame of zeros that inflates to {int} MiB")
    public void aWorkerIsSentAZlibBomb(int mebibytes) {
        try (WorkerUnderProbe worker = WorkerUnderProbe.start(world.settings().python())) {
            JsonNode answer = worker.sendPayload(new byte[mebibytes * 1024 * 1024], true);
            long peakKib = worker.peakResidentKib();
            Evidence.json("worker's answer to a compressed frame inflating to " + mebibytes + " MiB", answer.toPrettyString());
            Evidence.text("worker memory", "peak resident memory of worker " + worker.pid() + ": " + peakKib + " KiB");
            scenario.measured("worker answer", answer);
            scenario.measured("worker peak KiB", peakKib);
        }
    }

    @Then("the worker refuses it as too large")
    public void theWorkerRefusesItAsTooLarge() {
        JsonNode answer = scenario.measured("worker answer");
        assertThat(answer.path("error").path("type").asText()).as("error type of the worker's answer %s", answer).isEqualTo("frame_too_large");
    }

    @Then("the worker's memory stayed below {int} MiB")
    public void theWorkersMemoryStayedBelow(int mebibytes) {
        long peakKib = scenario.measured("worker peak KiB");
        assertThat(peakKib).as("peak resident memory of the worker in KiB").isBetween(1L, mebibytes * 1024L);
    }

    @Then("a program whose model takes longer than the bound is refused naming the setting")
    public void aProgramBeyondTheLatencyBoundIsRefused() {
        long bound = scenario.publishedLimit("latency_ms");
        String body = "{\"name\": \"too slow\", \"signature_id\": \"" + world.signature().id()
                + "\", \"adapter\": \"native\", \"config\": {\"latency_ms\": " + (bound + 1) + "}}";
        RawHttp.Exchange answer = scenario.http().send("POST", "/api/programs", scenario.keyed(), body.getBytes(StandardCharsets.UTF_8));
        Evidence.text("a program with a latency of " + (bound + 1) + " ms (bound " + bound + " ms)", answer.summary());
        assertThat(answer.status()).as("status for a program beyond the latency bound (%s)", answer.summary()).isEqualTo(422);
        assertThat(Json.parse(answer.body()).path("error").path("details").path("field").asText()).as("field named").isEqualTo("config.latency_ms");
    }

    @Given("a program on the {string} adapter whose model takes {int} ms")
    public void aSlowProgram(String adapter, int latencyMs) {
        scenario.slowProgram(world.programs().create(world.uniqueName("slow_program"), world.signature().id(), adapter,
                Json.object().put("latency_ms", latencyMs)).orFail("creating a slow program"));
        world.program(adapter, scenario.slowProgram());
    }

    @When("{int} questions are queued on the slow program")
    public void questionsAreQueuedOnTheSlowProgram(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(world.executions().submit(scenario.slowProgram().id(), Json.object().put("question", "slow " + i))
                    .orFail("queueing a slow question").id());
        }
        Evidence.text("slow questions queued", String.join("\n", ids));
    }

    @Then("the answer is completed within {int} ms")
    public void theAnswerIsCompletedWithin(int budgetMs) {
        String id = world.execution().id();
        // the execution was asked for once, behind the slow queue: it cannot be measured again, so a breach on a
        // disturbed machine is not judged
        Execution done = TimedJudgement.judge("the fast program's answer behind the slow queue", TimedJudgement.measure(() ->
                        Waits.until("execution " + id + " to finish", scenario.awaitTimeout(), () -> world.executions().get(id).orFail("reading " + id),
                                Execution::finished)), null,
                e -> e.metrics().total() > budgetMs,
                e -> e.metrics().total() + " ms from acceptance to completion, budget " + budgetMs + " ms");
        Evidence.text("the fast program's execution", done.toString());
        assertThat(done.status()).as("status").isEqualTo("completed");
        assertThat(done.metrics().total()).as("ms from acceptance to completion (queued %s ms)",
                done.metrics().queueMs()).isLessThanOrEqualTo(budgetMs);
    }

    @When("signatures of {int} and {int} fields are compiled")
    public void signaturesAreCompiled(int small, int large) {
        scenario.measured("compile fields", List.of(small, large));
        scenario.measured("compile ratio", TimedJudgement.measure(() -> compileRatio(small, large)));
    }

    private double compileRatio(int small, int large) {
        long smallMs = medianCompileMs(small);
        long largeMs = medianCompileMs(large);
        Evidence.rows("compile times (median of 5, milliseconds, client side)", List.of(row("fields", small, "ms", smallMs),
                row("fields", large, "ms", largeMs)));
        return (double) largeMs / Math.max(1, smallMs);
    }

    private long medianCompileMs(int fields) {
        StringBuilder definition = new StringBuilder("signature wide_" + fields + ": ");
        for (int i = 0; i < fields; i++) {
            definition.append(i == 0 ? "" : ", ").append(":string f").append(i);
        }
        definition.append(" -> :string answer");
        byte[] body = Json.object().put("definition", definition.toString()).toString().getBytes(StandardCharsets.UTF_8);
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            long started = System.nanoTime();
            RawHttp.Exchange answer = scenario.http().send("POST", "/api/signatures/compile", scenario.keyed(), body);
            long took = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.status()).as("compiling %d fields: %s", fields, answer.summary()).isEqualTo(200);
            if (run > 0) {
                times.add(took);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    @Then("compiling {int} times the fields takes at most {int} times as long")
    public void compilingTakesAtMost(int factor, int budget) {
        List<Integer> fields = scenario.measured("compile fields");
        double ratio = TimedJudgement.judge("compile time ratio", scenario.measured("compile ratio"),
                () -> TimedJudgement.measure(() -> compileRatio(fields.get(0), fields.get(1))), measured -> measured > budget,
                measured -> String.format(java.util.Locale.ROOT, "%.1f times as long, budget %d", measured, budget));
        assertThat(ratio).as("time for %d times the fields, as a multiple of the smaller signature's time", factor).isLessThanOrEqualTo(budget);
    }
}

package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.checklists.CharsetRefusals;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.CompileScaling;
import dev.proofgate.acceptance.checklists.MalformedCorpusRun;
import dev.proofgate.acceptance.checklists.state.BridgeRestarts;
import dev.proofgate.acceptance.checklists.state.CompileRatio;
import dev.proofgate.acceptance.checklists.state.CorpusOutcome;
import dev.proofgate.acceptance.checklists.state.DeepRequest;
import dev.proofgate.acceptance.checklists.state.SlowProgram;
import dev.proofgate.acceptance.checklists.state.WorkerProbe;
import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.drivers.bridge.WorkerUnderProbe;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import dev.proofgate.acceptance.drivers.hostile.MalformedRequestCorpus;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The robustness checklist: malformed input of every kind, answered with a reason, hurting nobody. */
public final class RobustnessSteps {

    private static final int SENDERS = 4;

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;
    private final HostileClient hostile;
    private final CorpusOutcome corpus;
    private final BridgeRestarts restarts;
    private final DeepRequest deep;
    private final WorkerProbe worker;
    private final SlowProgram slow;
    private final CompileRatio compile;

    public RobustnessSteps(
            ReadinessWorld world,
            ChecklistScenario scenario,
            CorpusOutcome corpus,
            BridgeRestarts restarts,
            DeepRequest deep,
            WorkerProbe worker,
            SlowProgram slow,
            CompileRatio compile) {
        this.world = world;
        this.scenario = scenario;
        this.hostile = scenario.hostile();
        this.corpus = corpus;
        this.restarts = restarts;
        this.deep = deep;
        this.worker = worker;
        this.slow = slow;
        this.compile = compile;
    }

    @When("the generated corpus of malformed requests is sent to every published operation")
    public void theCorpusIsSent() {
        List<MalformedRequestCorpus.MalformedRequest> requests =
                corpusAgainst(corpusTargets()).generate(world.settings().corpusSize());
        MalformedCorpusRun.Result run = MalformedCorpusRun.send(hostile, requests, SENDERS);
        Evidence.text(
                "corpus",
                run.requests() + " requests generated from seed " + MalformedRequestCorpus.SEED + " against "
                        + scenario.description().operations().stream()
                                .filter(ApiDescription.Operation::needsKey)
                                .count()
                        + " operations, sent by " + run.senders() + " clients in "
                        + String.format("%.1f", run.seconds()) + " s");
        Evidence.rows(
                "corpus answers by status",
                run.byStatus().entrySet().stream()
                        .map(e -> row("status", e.getKey(), "requests", e.getValue()))
                        .toList());
        Evidence.rows(
                "corpus answers by kind of mutation and status",
                run.byKind().entrySet().stream()
                        .map(e -> row(
                                "mutation", e.getKey(), "statuses", e.getValue().toString()))
                        .toList());
        List<String> serverErrors = run.serverErrors();
        Evidence.text(
                "server errors (first 50)",
                serverErrors.isEmpty()
                        ? "none"
                        : String.join("\n", serverErrors.subList(0, Math.min(50, serverErrors.size()))));
        corpus.record(serverErrors);
    }

    /** A signature and a program on each adapter, so that mutations reach the validation behind a successful lookup. */
    private MalformedRequestCorpus.Targets corpusTargets() {
        String name = world.uniqueName("corpus_target");
        Signature signature = world.signatures()
                .declare("signature " + name + ": :string question, :optional(:map) context -> :string answer", null)
                .orFail("declaring the corpus's target signature");
        String nativeProgram = world.programs()
                .create("corpus native", signature.id(), "native", null)
                .orFail("a native program")
                .id();
        String pythonProgram = world.programs()
                .create("corpus python", signature.id(), "python_port", null)
                .orFail("a python_port program")
                .id();
        return new MalformedRequestCorpus.Targets(signature.id(), name, nativeProgram, pythonProgram);
    }

    private MalformedRequestCorpus corpusAgainst(MalformedRequestCorpus.Targets targets) {
        return new MalformedRequestCorpus(
                scenario.description().operations(),
                targets,
                scenario.publishedLimit("body_bytes"),
                world.environment().apiKey());
    }

    @Then("no request of the corpus got a server error")
    public void noServerError() {
        List<String> serverErrors = corpus.serverErrors();
        assertThat(serverErrors)
                .as("corpus requests answered with a server error (%d)", serverErrors.size())
                .isEmpty();
    }

    @Then("the platform reports itself ready")
    public void thePlatformReportsItselfReady() {
        HttpAnswer ready = Waits.until(
                "the platform to report ready",
                scenario.awaitTimeout(),
                () -> scenario.operations().readiness(),
                HttpAnswer::served);
        Evidence.text("readiness", ready.summary());
    }

    @Then("a NUL character is refused with a reason in each of:")
    public void aNulCharacterIsRefused(List<String> places) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String place : places) {
            HttpAnswer answer = hostile.nulIn(
                    HostileClient.NulPlace.named(place),
                    world.signature().id(),
                    world.program().id());
            rows.add(row(
                    "place", place, "status", answer.status(), "reason", answer.errorType(), "answer", answer.body()));
            if (!answer.refusedAs("validation_error")) {
                wrong.add(place + ": " + answer.summary());
            }
        }
        Evidence.rows("NUL characters and the answers", rows);
        assertThat(wrong).as("NUL characters not refused as a validation error").isEmpty();
    }

    @Then(
            "a body declared in each of these character sets is refused as an unsupported media type on every write operation:")
    public void aBodyInAnUnknownCharsetIsRefused(List<String> charsets) {
        CharsetRefusals.Result result =
                CharsetRefusals.ask(hostile, scenario.description().operations(), charsets);
        Evidence.rows("write operations with unknown character sets", result.table());
        assertThat(result.table())
                .as("write operations found in the description")
                .isNotEmpty();
        assertThat(result.notRefused())
                .as("bodies in unknown character sets not refused as an unsupported media type")
                .isEmpty();
    }

    @Given("a signature that takes a map")
    public void aSignatureThatTakesAMap() {
        world.signature(world.signatures()
                .declare(
                        "signature " + world.uniqueName("map_taker")
                                + ": :string question, :map context -> :string answer",
                        null)
                .orFail("declaring a signature that takes a map"));
    }

    @When("a user sends inputs nested {int} levels deep")
    public void aUserSendsDeeplyNestedInputs(int depth) {
        restarts.record(scenario.operations().health().bridge().restarts());
        HttpAnswer answer = hostile.deeplyNestedQuestion(world.program().id(), depth);
        Evidence.text("answer to inputs nested " + depth + " levels deep", answer.summary());
        deep.record(answer);
    }

    @Then("the request is refused because the inputs nest too deeply")
    public void theRequestIsRefusedForNesting() {
        HttpAnswer answer = deep.answer();
        assertThat(answer.refusal())
                .as("how the deeply nested request was answered (%s)", answer.summary())
                .isEqualTo("validation_error");
        assertThat(answer.body()).as("the reason names the nesting bound").contains("nest");
    }

    @Then("a question on the program is still answered within {int} seconds without a worker restart")
    public void aQuestionIsStillAnswered(int seconds) {
        Execution submitted = world.executions()
                .submit(world.program().id(), Map.of("question", "still there?", "context", Map.of()))
                .orFail("a plain question after the deep one");
        String id = submitted.id();
        Execution done = Waits.until(
                "execution " + id + " to complete",
                Duration.ofSeconds(seconds),
                () -> world.executions().get(id).orFail("reading execution " + id),
                e -> "completed".equals(e.status()));
        Evidence.text("the plain question, answered", done.toString());
        assertThat(scenario.operations().health().bridge().restarts())
                .as("Python worker restarts since the deep request")
                .isEqualTo(restarts.before());
    }

    @When("a worker is sent a request whose arguments nest {int} levels deep")
    public void aWorkerIsSentADeepRequest(int depth) {
        try (WorkerUnderProbe probe = WorkerUnderProbe.start(world.settings().python())) {
            WorkerUnderProbe.WorkerAnswer answer = probe.sendDeeplyNested("deep-request-1", depth);
            Evidence.json("worker's answer to a request nested " + depth + " levels deep", answer.document());
            worker.answered("deep-request-1", answer, probe.healthStatus());
        }
    }

    @Then("the worker answers the request by its id with a typed error")
    public void theWorkerAnswersByItsId() {
        WorkerUnderProbe.WorkerAnswer answer = worker.answer();
        assertThat(answer.requestId())
                .as("request id in the worker's answer %s", answer.document())
                .isEqualTo(worker.requestId());
        assertThat(answer.ok()).as("the worker reported success").isFalse();
        assertThat(answer.errorType()).as("error type").isIn("invalid_arguments", "malformed_frame");
    }

    @Then("the worker still reports its health")
    public void theWorkerStillReportsItsHealth() {
        assertThat(worker.healthAfter())
                .as("worker health after the hostile request")
                .isEqualTo("ok");
    }

    @When("a worker is sent a request one byte over its frame limit")
    public void aWorkerIsSentAnOversizedRequest() {
        try (WorkerUnderProbe probe = WorkerUnderProbe.start(world.settings().python())) {
            WorkerUnderProbe.WorkerAnswer answer = probe.sendOneByteOverTheFrameLimit("oversized-request-1");
            Evidence.json(
                    "worker's answer to a request of " + WorkerUnderProbe.MAX_FRAME_BYTES + " bytes (limit "
                            + WorkerUnderProbe.MAX_FRAME_BYTES + " bytes including the flags byte)",
                    answer.document());
            worker.answered("oversized-request-1", answer, probe.healthStatus());
        }
    }

    @Then("the worker refuses it as too large, naming the request by its id")
    public void theWorkerRefusesItAsTooLargeByItsId() {
        theWorkerRefusesItAsTooLarge();
        WorkerUnderProbe.WorkerAnswer answer = worker.answer();
        assertThat(answer.requestId())
                .as("request id in the worker's refusal %s", answer.document())
                .isEqualTo(worker.requestId());
    }

    @When("a worker is sent a compressed frame of zeros that inflates to {int} MiB")
    public void aWorkerIsSentAZlibBomb(int mebibytes) {
        try (WorkerUnderProbe probe = WorkerUnderProbe.start(world.settings().python())) {
            WorkerUnderProbe.WorkerAnswer answer = probe.sendCompressedZeros(mebibytes);
            long peakKib = probe.peakResidentKib();
            Evidence.json(
                    "worker's answer to a compressed frame inflating to " + mebibytes + " MiB", answer.document());
            Evidence.text("worker memory", "peak resident memory of worker " + probe.pid() + ": " + peakKib + " KiB");
            worker.answered(answer, peakKib);
        }
    }

    @Then("the worker refuses it as too large")
    public void theWorkerRefusesItAsTooLarge() {
        WorkerUnderProbe.WorkerAnswer answer = worker.answer();
        assertThat(answer.errorType())
                .as("error type of the worker's answer %s", answer.document())
                .isEqualTo("frame_too_large");
    }

    @Then("the worker's memory stayed below {int} MiB")
    public void theWorkersMemoryStayedBelow(int mebibytes) {
        assertThat(worker.peakKib())
                .as("peak resident memory of the worker in KiB")
                .isBetween(1L, mebibytes * 1024L);
    }

    @Then("a program whose model takes longer than the bound is refused naming the setting")
    public void aProgramBeyondTheLatencyBoundIsRefused() {
        long bound = scenario.publishedLimit("latency_ms");
        HttpAnswer answer = hostile.programWithLatency(world.signature().id(), bound + 1);
        Evidence.text("a program with a latency of " + (bound + 1) + " ms (bound " + bound + " ms)", answer.summary());
        assertThat(answer.refusal())
                .as("how a program beyond the latency bound was answered (%s)", answer.summary())
                .isIn(HttpAnswer.refusalsLike("validation_error"));
        assertThat(answer.errorDetail("field")).as("field named").isEqualTo("config.latency_ms");
    }

    @Given("a program on the {string} adapter whose model takes {int} ms")
    public void aSlowProgram(String adapter, int latencyMs) {
        slow.record(world.programs()
                .create(
                        world.uniqueName("slow_program"),
                        world.signature().id(),
                        adapter,
                        Map.of("latency_ms", latencyMs))
                .orFail("creating a slow program"));
        world.program(adapter, slow.program());
    }

    @When("{int} questions are queued on the slow program")
    public void questionsAreQueuedOnTheSlowProgram(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(world.executions()
                    .submit(slow.program().id(), Map.of("question", "slow " + i))
                    .orFail("queueing a slow question")
                    .id());
        }
        Evidence.text("slow questions queued", String.join("\n", ids));
    }

    @Then("the answer is completed within {int} ms")
    public void theAnswerIsCompletedWithin(int budgetMs) {
        String id = world.execution().id();
        // the execution was asked for once, behind the slow queue: it cannot be measured again, so a breach on a
        // disturbed machine is not judged
        Execution done = TimedJudgement.judge(
                "the fast program's answer behind the slow queue",
                TimedJudgement.measure(() -> Waits.until(
                        "execution " + id + " to finish",
                        scenario.awaitTimeout(),
                        () -> world.executions().get(id).orFail("reading " + id),
                        Execution::finished)),
                null,
                e -> e.metrics().total() > budgetMs,
                e -> e.metrics().total() + " ms from acceptance to completion, budget " + budgetMs + " ms");
        Evidence.text("the fast program's execution", done.toString());
        assertThat(done.status()).as("status").isEqualTo("completed");
        assertThat(done.metrics().total())
                .as(
                        "ms from acceptance to completion (queued %s ms)",
                        done.metrics().queueMs())
                .isLessThanOrEqualTo(budgetMs);
    }

    @When("signatures of {int} and {int} fields are compiled")
    public void signaturesAreCompiled(int small, int large) {
        compile.record(List.of(small, large), TimedJudgement.measure(() -> compileRatio(small, large)));
    }

    private double compileRatio(int small, int large) {
        long smallMs = CompileScaling.medianCompileMs(scenario.operations(), small);
        long largeMs = CompileScaling.medianCompileMs(scenario.operations(), large);
        Evidence.rows(
                "compile times (median of 5, milliseconds, client side)",
                List.of(row("fields", small, "ms", smallMs), row("fields", large, "ms", largeMs)));
        return (double) largeMs / Math.max(1, smallMs);
    }

    @Then("compiling {int} times the fields takes at most {int} times as long")
    public void compilingTakesAtMost(int factor, int budget) {
        List<Integer> fields = compile.fields();
        double ratio = TimedJudgement.judge(
                "compile time ratio",
                compile.ratio(),
                () -> TimedJudgement.measure(() -> compileRatio(fields.get(0), fields.get(1))),
                measured -> measured > budget,
                measured -> String.format(Locale.ROOT, "%.1f times as long, budget %d", measured, budget));
        assertThat(ratio)
                .as("time for %d times the fields, as a multiple of the smaller signature's time", factor)
                .isLessThanOrEqualTo(budget);
    }
}

package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.checklists.AccessLogLine;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.HealthWatch;
import dev.proofgate.acceptance.checklists.MetricsScrape;
import dev.proofgate.acceptance.checklists.state.CounterReadings;
import dev.proofgate.acceptance.checklists.state.TracedAnswer;
import dev.proofgate.acceptance.checklists.state.WorkerKill;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The observability checklist: health that tells the truth, metrics that move, logs that can be followed. */
public final class ObservabilitySteps {

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;
    private final OperationsApi operations;
    private final WorkerKill workerKill;
    private final CounterReadings counters;
    private final TracedAnswer traced;

    public ObservabilitySteps(
            ReadinessWorld world,
            ChecklistScenario scenario,
            WorkerKill workerKill,
            CounterReadings counters,
            TracedAnswer traced) {
        this.world = world;
        this.scenario = scenario;
        this.operations = scenario.operations();
        this.workerKill = workerKill;
        this.counters = counters;
        this.traced = traced;
    }

    @When("the database is stopped")
    public void theDatabaseIsStopped() {
        world.faults().stopDatabase();
    }

    @When("the database is started again")
    public void theDatabaseIsStartedAgain() {
        world.faults().startDatabase();
    }

    @Then("the platform reports itself not ready, naming the database as down")
    public void thePlatformReportsNotReady() {
        HttpAnswer ready = Waits.until(
                "the platform to report not ready",
                scenario.awaitTimeout(),
                operations::readiness,
                answer -> answer.hasStatusOf("service_unavailable"));
        OperationsApi.Health health = operations.health();
        Evidence.text("readiness while the database is down", ready.summary());
        Evidence.json("health while the database is down", health.document());
        assertThat(health.databaseStatus())
                .as("database component in %s", health.document())
                .isEqualTo("down");
        assertThat(health.status()).as("overall health").isEqualTo("down");
    }

    @When("a Python worker of the platform is killed")
    public void aWorkerIsKilled() {
        HealthWatch watch = HealthWatch.start(operations);
        long killed = world.faults().killWorker();
        OperationsApi.Bridge recovered = Waits.until(
                "the bridge to be back at full strength after killing worker " + killed,
                scenario.awaitTimeout(),
                () -> operations.health().bridge(),
                bridge -> "up".equals(bridge.status()) && !bridge.workerPids().contains(killed));
        List<HealthWatch.Seen> seen = watch.stop();
        Evidence.rows(
                "bridge health seen around the kill of worker " + killed,
                seen.stream()
                        .map(s -> row(
                                "ms after watch start",
                                s.atMillis(),
                                "bridge",
                                s.bridgeStatus(),
                                "workers alive",
                                s.workersAlive(),
                                "overall",
                                s.overallStatus()))
                        .toList());
        workerKill.record(seen, recovered);
    }

    @Then("health reported the bridge degraded while the worker was missing")
    public void healthReportedDegraded() {
        assertThat(workerKill.seen())
                .as("health answers seen while the worker was missing")
                .anyMatch(s -> "degraded".equals(s.bridgeStatus()) && "degraded".equals(s.overallStatus()));
    }

    @Then("the bridge is back at full strength")
    public void theBridgeIsBackAtFullStrength() {
        OperationsApi.Bridge bridge = workerKill.recovered();
        Evidence.text("bridge health after recovery", bridge.toString());
        assertThat(bridge.workersAlive()).as("workers alive").isEqualTo(bridge.workersTarget());
        assertThat(world.faults().liveWorkers())
                .as("worker processes the operating system sees")
                .isEqualTo(bridge.workersTarget());
    }

    @When("{int} questions are answered on the program")
    public void questionsAreAnswered(int count) {
        Waits.until(
                "the queue to be idle before counting",
                scenario.awaitTimeout(),
                () -> operations.health().queue(),
                OperationsApi.Queue::idle);
        MetricsScrape before = MetricsScrape.of(operations);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(world.executions()
                    .submit(world.program().id(), Map.of("question", "counted " + i))
                    .orFail("submitting a counted question")
                    .id());
        }
        for (String id : ids) {
            Waits.until(
                    "execution " + id + " to complete",
                    scenario.awaitTimeout(),
                    () -> world.executions().get(id).orFail("reading " + id),
                    e -> "completed".equals(e.status()));
        }
        counters.record(before, MetricsScrape.of(operations));
    }

    @Then("the submitted counter advanced by {int}")
    public void theSubmittedCounterAdvanced(int count) {
        counterAdvanced("proofgate_executions_submitted_total", count);
    }

    @Then("the completed counter advanced by {int}")
    public void theCompletedCounterAdvanced(int count) {
        counterAdvanced("proofgate_executions_total{outcome=\"completed\"}", count);
    }

    private void counterAdvanced(String series, int count) {
        MetricsScrape before = counters.before();
        MetricsScrape after = counters.after();
        double advance = after.value(series) - before.value(series);
        Evidence.rows(
                "metric " + series,
                List.of(row("before", before.value(series), "after", after.value(series), "advance", advance)));
        assertThat(advance).as("advance of %s", series).isEqualTo(count);
    }

    @When("a user asks for the adapters with the request id {string}")
    public void aUserAsksWithARequestId(String requestId) {
        traced.record(scenario.hostile().askWithRequestId(requestId));
    }

    @Then("the answer returns the request id {string}")
    public void theAnswerReturnsTheRequestId(String requestId) {
        assertThat(traced.answer().header("X-Request-Id"))
                .as("request id returned in the answer")
                .isEqualTo(requestId);
    }

    @Then("the platform log has a structured line with the request id {string}")
    public void thePlatformLogHasAStructuredLine(String requestId) {
        String found = Waits.until(
                "a log line naming request " + requestId,
                scenario.awaitTimeout(),
                () -> logLineNaming(requestId),
                line -> line != null);
        Evidence.text("platform log line", found);
        AccessLogLine line = AccessLogLine.parse(found);
        HttpAnswer answer = traced.answer();
        assertThat(line.requestId()).as("request_id in %s", found).isEqualTo(requestId);
        assertThat(answer.served())
                .as("the traced request was served (%s)", answer.summary())
                .isTrue();
        assertThat(line.status())
                .as("status in the log line, against the answer the caller was given")
                .isEqualTo(answer.status());
        assertThat(line.method()).as("method in the log line").isEqualTo(answer.method());
    }

    /**
     * The first line of the platform log naming the request, asked for afresh each time: a container's log is a
     * copy taken when asked for.
     */
    private String logLineNaming(String requestId) {
        try {
            Path log = world.environment()
                    .platformLog()
                    .orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains(requestId))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Then("a request sent without an id is given one in the answer")
    public void aRequestWithoutAnIdIsGivenOne() {
        HttpAnswer answer = scenario.hostile().askWithRequestId(null);
        assertThat(answer.header("X-Request-Id"))
                .as("request id the platform gave")
                .isNotBlank();
    }
}

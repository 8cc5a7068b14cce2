package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.HealthWatch;
import dev.proofgate.acceptance.checklists.MetricsScrape;
import dev.proofgate.acceptance.checklists.RawHttp;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.support.Waits;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The observability checklist: health that tells the truth, metrics that move, logs that can be followed. */
public final class ObservabilitySteps {

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;

    public ObservabilitySteps(ReadinessWorld world, ChecklistScenario scenario) {
        this.world = world;
        this.scenario = scenario;
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
        RawHttp.Exchange ready = Waits.until("the platform to report not ready", scenario.awaitTimeout(),
                () -> scenario.http().get("/health/ready", Map.of()), answer -> answer.status() == 503);
        RawHttp.Exchange health = scenario.http().get("/health", Map.of());
        Evidence.text("readiness while the database is down", ready.summary());
        Evidence.json("health while the database is down", health.body());
        JsonNode report = Json.parse(health.body());
        assertThat(report.path("components").path("database").path("status").asText()).as("database component in %s", health.body())
                .isEqualTo("down");
        assertThat(report.path("status").asText()).as("overall health").isEqualTo("down");
    }

    @When("a Python worker of the platform is killed")
    public void aWorkerIsKilled() {
        HealthWatch watch = HealthWatch.start(scenario.http());
        long killed = world.faults().killWorker();
        JsonNode recovered = Waits.until("the bridge to be back at full strength after killing worker " + killed, scenario.awaitTimeout(),
                () -> scenario.health().path("components").path("python_bridge"),
                bridge -> "up".equals(bridge.path("status").asText()) && !bridge.path("worker_pids").toString().contains(Long.toString(killed)));
        List<HealthWatch.Seen> seen = watch.stop();
        Evidence.rows("bridge health seen around the kill of worker " + killed, seen.stream()
                .map(s -> row("ms after watch start", s.atMillis(), "bridge", s.bridgeStatus(), "workers alive", s.workersAlive(),
                        "overall", s.overallStatus())).toList());
        scenario.measured("seen", seen);
        scenario.measured("recovered", recovered);
    }

    @Then("health reported the bridge degraded while the worker was missing")
    public void healthReportedDegraded() {
        List<HealthWatch.Seen> seen = scenario.measured("seen");
        assertThat(seen).as("health answers seen while the worker was missing").anyMatch(s -> "degraded".equals(s.bridgeStatus())
                && "degraded".equals(s.overallStatus()));
    }

    @Then("the bridge is back at full strength")
    public void theBridgeIsBackAtFullStrength() {
        JsonNode bridge = scenario.measured("recovered");
        Evidence.json("bridge health after recovery", bridge.toPrettyString());
        assertThat(bridge.path("workers_alive").asInt()).as("workers alive").isEqualTo(bridge.path("workers_target").asInt());
        assertThat(world.faults().liveWorkers()).as("worker processes the operating system sees").isEqualTo(bridge.path("workers_target").asInt());
    }

    @When("{int} questions are answered on the program")
    public void questionsAreAnswered(int count) {
        Waits.until("the queue to be idle before counting", scenario.awaitTimeout(),
                () -> scenario.health().path("components").path("execution_queue"),
                queue -> queue.path("queued").asLong() == 0 && queue.path("running").asLong() == 0);
        MetricsScrape before = MetricsScrape.of(scenario.http());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(world.executions().submit(world.program().id(), Json.object().put("question", "counted " + i))
                    .orFail("submitting a counted question").id());
        }
        for (String id : ids) {
            Waits.until("execution " + id + " to complete", scenario.awaitTimeout(), () -> world.executions().get(id).orFail("reading " + id),
                    e -> "completed".equals(e.status()));
        }
        MetricsScrape after = MetricsScrape.of(scenario.http());
        scenario.measured("metrics before", before);
        scenario.measured("metrics after", after);
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
        MetricsScrape before = scenario.measured("metrics before");
        MetricsScrape after = scenario.measured("metrics after");
        double advance = after.value(series) - before.value(series);
        Evidence.rows("metric " + series, List.of(row("before", before.value(series), "after", after.value(series), "advance", advance)));
        assertThat(advance).as("advance of %s", series).isEqualTo(count);
    }

    @When("a user asks for the adapters with the request id {string}")
    public void aUserAsksWithARequestId(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>(scenario.keyed());
        headers.put("X-Request-Id", requestId);
        RawHttp.Exchange answer = scenario.http().get("/api/adapters", headers);
        Evidence.text("answer headers", answer.headers().toString());
        scenario.measured("answer", answer);
    }

    @Then("the answer returns the request id {string}")
    public void theAnswerReturnsTheRequestId(String requestId) {
        RawHttp.Exchange answer = scenario.measured("answer");
        assertThat(answer.header("X-Request-Id")).as("request id returned in the answer").isEqualTo(requestId);
    }

    @Then("the platform log has a structured line with the request id {string}")
    public void thePlatformLogHasAStructuredLine(String requestId) throws IOException {
        String line = Waits.until("a log line naming request " + requestId, scenario.awaitTimeout(), () -> {
            try {
                // asked for afresh each time: a container's log is a copy taken when asked for
                Path log = world.environment().platformLog().orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
                return Files.readAllLines(log).stream().filter(l -> l.contains(requestId)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        }, found -> found != null);
        Evidence.text("platform log line", line);
        JsonNode structured = Json.parse(line.substring(line.indexOf('{')));
        assertThat(structured.path("request_id").asText()).as("request_id in %s", line).isEqualTo(requestId);
        assertThat(structured.path("status").asInt()).as("status in the log line").isEqualTo(200);
        assertThat(structured.path("method").asText()).as("method in the log line").isEqualTo("GET");
    }

    @Then("a request sent without an id is given one in the answer")
    public void aRequestWithoutAnIdIsGivenOne() {
        RawHttp.Exchange answer = scenario.http().get("/api/adapters", scenario.keyed());
        Evidence.text("answer headers without a request id", answer.headers().toString());
        assertThat(answer.header("X-Request-Id")).as("request id the platform gave").isNotBlank();
    }
}

package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.gate.support.Json;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A model that reports a failure, and the model settings a program is created with. */
public final class ModelFailureSteps {

    /** The stages an execution passes before and including the model's own run. */
    private static final List<String> STAGES_TO_THE_MODEL = List.of("signature_compilation", "input_validation", "adapter_execution");
    /** The model settings a feature names, and the program setting each stands for. */
    private static final Map<String, String> SETTINGS = Map.of("simulated latency", "latency_ms", "failure reason", "fail_with");

    private final ReadinessWorld world;
    private JsonNode failed;
    private Outcome programOutcome;

    public ModelFailureSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a program on the {string} adapter whose model fails with {string}")
    public void aProgramWhoseModelFails(String adapter, String reason) {
        ObjectNode config = Json.object().put("fail_with", reason);
        world.program(adapter, world.programs().create(world.uniqueName("failing_" + adapter), world.signature().path("id").asText(), adapter, config)
                .orFail("creating a program whose model fails"));
    }

    @Then("the execution fails with the model's error {string}")
    public void theExecutionFailsWithTheModelsError(String reason) {
        String id = world.execution().path("id").asText();
        failed = FinishedExecutions.await(world.executions(), List.of(id), world.settings().awaitTimeout()).get(id);
        world.execution(world.adapter(), failed);
        JsonNode error = failed.path("error");
        assertThat(failed.path("status").asText()).as("status of an execution whose model failed (outputs: %s)", failed.path("outputs")).isEqualTo("failed");
        assertThat(error.path("type").asText()).as("type of the error %s", error).isEqualTo("execution_error");
        assertThat(error.path("message").asText()).as("message of the error %s", error).contains(reason);
        assertThat(failed.path("outputs").isNull() || failed.path("outputs").isMissingNode()).as("outputs of a failed execution: %s", failed.path("outputs")).isTrue();
    }

    @Then("the audit trail shows every stage up to the model's run, which failed, and nothing after it")
    public void theAuditTrailStopsAtTheModel() {
        JsonNode trail = failed.path("audit_trail");
        Evidence.json("audit trail", trail.toPrettyString());
        List<String> stages = new ArrayList<>();
        trail.forEach(stage -> stages.add(stage.path("stage").asText()));
        assertThat(stages).as("stages of the audit trail of a failed execution, in order").containsExactlyElementsOf(STAGES_TO_THE_MODEL);
        for (int i = 0; i < trail.size(); i++) {
            JsonNode stage = trail.get(i);
            String expected = i < trail.size() - 1 ? "ok" : "failed";
            assertThat(stage.path("outcome").asText()).as("outcome of stage %s", stage.path("stage")).isEqualTo(expected);
            assertThat(stage.path("started_at").asText()).as("start time of stage %s", stage.path("stage")).isNotBlank();
            assertThat(stage.path("duration_ms").isNumber()).as("duration of stage %s", stage.path("stage")).isTrue();
        }
        assertThat(trail.get(trail.size() - 1).path("detail").asText()).as("what the failed stage records").isNotBlank();
        JsonNode metrics = failed.path("metrics");
        assertThat(metrics.path("total_ms").asLong(-1)).as("total time of the failed execution in %s", metrics).isGreaterThanOrEqualTo(0);
    }

    @Then("the execution is stored as failed, finished exactly once, without outputs")
    public void theExecutionIsStoredAsFailed() {
        String id = failed.path("id").asText();
        Map<String, Object> row = world.database().execution(id).orElseThrow(() -> new AssertionError("no row for execution " + id + " in the database"));
        assertThat(row.get("status")).as("status stored in the database").isEqualTo("failed");
        assertThat(((Number) row.get("completions")).intValue()).as("times the execution was finished").isEqualTo(1);
        assertThat(row.get("outputs")).as("outputs stored for a failed execution").isNull();
        assertThat(((Number) row.get("audit_stages")).intValue()).as("audit stages stored").isEqualTo(STAGES_TO_THE_MODEL.size());
    }

    @Then("the execution is found among the program's failed executions")
    public void theExecutionIsFoundAmongTheFailed() {
        JsonNode history = world.executions().history(world.program().path("id").asText(), "failed");
        List<String> ids = new ArrayList<>();
        history.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).as("failed executions in the program's history").containsExactly(failed.path("id").asText());
        assertThat(history.path("total").asLong()).as("size of the program's failed history").isEqualTo(1);
        assertThat(world.executions().history(world.program().path("id").asText(), "completed").path("total").asLong())
                .as("completed executions of a program whose model always fails").isZero();
    }

    @When("a team creates a program on the {string} adapter whose {string} is {}")
    public void aTeamCreatesAProgramWithASetting(String adapter, String setting, String value) {
        String field = SETTINGS.get(setting);
        if (field == null) {
            throw new IllegalArgumentException("a program's model settings are " + SETTINGS.keySet() + ", not '" + setting + "'");
        }
        ObjectNode config = Json.object();
        config.set(field, Json.parse(value));
        programOutcome = world.programs().create(world.uniqueName("configured_" + adapter), world.signature().path("id").asText(), adapter, config);
    }

    @Then("the program is turned away because its {string} must be {}")
    public void theProgramIsTurnedAway(String setting, String expected) {
        Rejection rejection = programOutcome.rejectionOrFail("a program with a " + setting + " the model cannot use");
        assertThat(rejection.reason()).as("reason of the rejection (%s)", rejection.message()).isEqualTo("validation_error");
        assertThat(rejection.detail("field")).as("setting named by the rejection").isEqualTo("config." + SETTINGS.get(setting));
        assertThat(rejection.detail("expected")).as("what the rejection says the setting must be").isEqualTo(expected);
    }
}

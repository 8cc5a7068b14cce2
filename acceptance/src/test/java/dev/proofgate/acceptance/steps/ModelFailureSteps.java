package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.contracts.Documents;
import dev.proofgate.acceptance.drivers.DatabaseProbe;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.HistoryPage;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;

/** A model that reports a failure, and the model settings a program is created with. */
public final class ModelFailureSteps {

    /** The stages an execution passes before and including the model's own run. */
    private static final List<String> STAGES_TO_THE_MODEL =
            List.of("signature_compilation", "input_validation", "adapter_execution");
    /** The model settings a feature names, and the program setting each stands for. */
    private static final Map<String, String> SETTINGS =
            Map.of("simulated latency", "latency_ms", "failure reason", "fail_with");

    private final ReadinessWorld world;
    private Execution failed;
    private Outcome<Program> programOutcome;

    public ModelFailureSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a program on the {string} adapter whose model fails with {string}")
    public void aProgramWhoseModelFails(String adapter, String reason) {
        Map<String, Object> config = Map.of("fail_with", reason);
        world.program(
                adapter,
                world.programs()
                        .create(
                                world.uniqueName("failing_" + adapter),
                                world.signature().id(),
                                adapter,
                                config)
                        .orFail("creating a program whose model fails"));
    }

    @Then("the execution fails with the model's error {string}")
    public void theExecutionFailsWithTheModelsError(String reason) {
        String id = world.execution().id();
        failed = FinishedExecutions.await(
                        world.executions(), List.of(id), world.settings().awaitTimeout())
                .get(id);
        world.execution(world.adapter(), failed);
        assertThat(failed.status())
                .as("status of an execution whose model failed (outputs: %s)", failed.outputs())
                .isEqualTo(Execution.FAILED);
        Execution.Failure error = failed.error();
        assertThat(error).as("the error of an execution whose model failed").isNotNull();
        assertThat(error.type()).as("type of the error %s", error).isEqualTo("execution_error");
        assertThat(error.message()).as("message of the error %s", error).contains(reason);
        assertThat(failed.hasOutputs())
                .as("outputs of a failed execution: %s", failed.outputs())
                .isFalse();
    }

    @Then("the audit trail shows every stage up to the model's run, which failed, and nothing after it")
    public void theAuditTrailStopsAtTheModel() {
        List<Execution.Stage> trail = failed.auditTrail();
        Evidence.rows("audit trail", trail.stream().map(Execution.Stage::row).toList());
        assertThat(failed.stages())
                .as("stages of the audit trail of a failed execution, in order")
                .containsExactlyElementsOf(STAGES_TO_THE_MODEL);
        for (int i = 0; i < trail.size(); i++) {
            Execution.Stage stage = trail.get(i);
            String expected = i < trail.size() - 1 ? "ok" : "failed";
            assertThat(stage.outcome()).as("outcome of stage %s", stage.stage()).isEqualTo(expected);
            assertThat(stage.startedAt())
                    .as("start time of stage %s", stage.stage())
                    .isNotBlank();
            assertThat(stage.durationMs())
                    .as("duration of stage %s", stage.stage())
                    .isNotNull();
        }
        assertThat(trail.get(trail.size() - 1).detail())
                .as("what the failed stage records")
                .isNotBlank();
        Execution.Metrics metrics = failed.metrics();
        assertThat(metrics == null ? -1 : metrics.total())
                .as("total time of the failed execution in %s", metrics)
                .isGreaterThanOrEqualTo(0);
    }

    @Then("the execution is stored as failed, finished exactly once, without outputs")
    public void theExecutionIsStoredAsFailed() {
        String id = failed.id();
        DatabaseProbe.StoredExecution stored = world.database()
                .execution(id)
                .orElseThrow(() -> new AssertionError("no row for execution " + id + " in the database"));
        assertThat(stored.status()).as("status stored in the database").isEqualTo(Execution.FAILED);
        assertThat(stored.completions()).as("times the execution was finished").isEqualTo(1);
        assertThat(stored.outputs()).as("outputs stored for a failed execution").isNull();
        assertThat(stored.auditStages()).as("audit stages stored").isEqualTo(STAGES_TO_THE_MODEL.size());
    }

    @Then("the execution is found among the program's failed executions")
    public void theExecutionIsFoundAmongTheFailed() {
        HistoryPage history = world.executions().history(world.program().id(), Execution.FAILED);
        assertThat(history.ids())
                .as("failed executions in the program's history")
                .containsExactly(failed.id());
        assertThat(history.totalOrNone())
                .as("size of the program's failed history")
                .isEqualTo(1);
        assertThat(world.executions()
                        .history(world.program().id(), Execution.COMPLETED)
                        .totalOrNone())
                .as("completed executions of a program whose model always fails")
                .isZero();
    }

    @When("a team creates a program on the {string} adapter whose {string} is {}")
    public void aTeamCreatesAProgramWithASetting(String adapter, String setting, String value) {
        String field = SETTINGS.get(setting);
        if (field == null) {
            throw new IllegalArgumentException(
                    "a program's model settings are " + SETTINGS.keySet() + ", not '" + setting + "'");
        }
        Map<String, Object> config = Map.of(field, Documents.value(value));
        programOutcome = world.programs()
                .create(
                        world.uniqueName("configured_" + adapter),
                        world.signature().id(),
                        adapter,
                        config);
    }

    @Then("the program is turned away because its {string} must be {}")
    public void theProgramIsTurnedAway(String setting, String expected) {
        Rejection rejection = programOutcome.rejectionOrFail("a program with a " + setting + " the model cannot use");
        assertThat(rejection.reason())
                .as("reason of the rejection (%s)", rejection.message())
                .isEqualTo("validation_error");
        assertThat(rejection.field()).as("setting named by the rejection").isEqualTo("config." + SETTINGS.get(setting));
        assertThat(rejection.expected())
                .as("what the rejection says the setting must be")
                .isEqualTo(expected);
    }
}

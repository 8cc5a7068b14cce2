package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.DatabaseProbe;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.HistoryPage;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users asking questions, and what becomes of them. */
public final class ExecutionSteps {

    private static final List<String> AUDIT_STAGES = List.of(
            "signature_compilation",
            "input_validation",
            "adapter_execution",
            "output_validation",
            "result_serialization");

    private final ReadinessWorld world;

    public ExecutionSteps(ReadinessWorld world) {
        this.world = world;
    }

    @When("a user asks {string}")
    public void aUserAsks(String question) {
        submit(world.adapter(), Map.of("question", question));
    }

    @When("a user sends the number {int} as the question")
    public void aUserSendsANumberAsTheQuestion(int number) {
        submit(world.adapter(), Map.of("question", number));
    }

    @When("a user asks {string} of a program that does not exist")
    public void aUserAsksOfAProgramThatDoesNotExist(String question) {
        String missing = UUID.randomUUID().toString();
        world.rejection(
                world.executions()
                        .submit(missing, Map.of("question", question))
                        .rejectionOrFail("a question for a program that does not exist"),
                missing);
    }

    @When("a user asks {string} on every program")
    public void aUserAsksOnEveryProgram(String question) {
        for (String adapter : List.of("native", "python_port")) {
            submit(adapter, Map.of("question", question));
        }
    }

    private void submit(String adapter, Map<String, ?> inputs) {
        String programId = world.program(adapter).id();
        Outcome<Execution> outcome = world.executions().submit(programId, inputs);
        if (outcome.wasAccepted()) {
            world.execution(adapter, outcome.accepted());
        } else {
            world.rejection(outcome.rejection(), programId);
        }
    }

    @Then("the execution completes with an answer")
    public void theExecutionCompletesWithAnAnswer() {
        Execution execution = awaitCompletion(world.adapter());
        for (Signature.Field field : world.signature().outputs()) {
            assertThat(execution.gave(field.name()))
                    .as("output '%s' is missing from %s", field.name(), execution.outputs())
                    .isTrue();
        }
        if (execution.gave("answer")) {
            assertThat(execution.text("answer")).as("the answer").isNotBlank();
        }
    }

    @Then("every execution completes with outputs of the declared types")
    public void everyExecutionCompletesWithOutputsOfTheDeclaredTypes() {
        PublishedSchema outputSchema = new PublishedSchema(world.signature().outputSchema());
        for (String adapter : world.executionsByAdapter().keySet()) {
            assertThat(outputSchema.problems(awaitCompletion(adapter).outputs()))
                    .as("the published output schema's complaints about the outputs of the %s adapter", adapter)
                    .isEmpty();
        }
    }

    @Then("both adapters give the same outputs for the same question")
    public void bothAdaptersGiveTheSameOutputs() {
        Execution nativeExecution = awaitCompletion("native");
        Execution pythonExecution = awaitCompletion("python_port");
        assertThat(pythonExecution.outputsDifferingFrom(nativeExecution))
                .as("python_port outputs compared with native outputs")
                .isEmpty();
    }

    @Then("the execution records how long it queued, ran and took in total")
    public void theExecutionRecordsItsTimes() {
        Execution.Metrics metrics = awaitCompletion(world.adapter()).metrics();
        assertThat(metrics).as("the execution's times").isNotNull();
        long queued = metrics.queued();
        long ran = metrics.ran();
        long total = metrics.total();
        assertThat(List.of(queued, ran, total))
                .as("queue, execution and total milliseconds in %s", metrics)
                .allMatch(ms -> ms >= 0);
        assertThat(metrics.wholeMilliseconds())
                .as("the times are recorded as whole milliseconds: %s", metrics)
                .isTrue();
        assertThat(total).as("total time against queue time in %s", metrics).isGreaterThanOrEqualTo(queued);
        assertThat(total).as("total time against execution time in %s", metrics).isGreaterThanOrEqualTo(ran);
    }

    @Then("the audit trail shows every stage from signature compilation to result serialization")
    public void theAuditTrailShowsEveryStage() {
        Execution execution = awaitCompletion(world.adapter());
        assertThat(execution.stages())
                .as("stages of the audit trail, in order")
                .containsExactlyElementsOf(AUDIT_STAGES);
        execution.auditTrail().forEach(stage -> {
            assertThat(stage.outcome()).as("outcome of stage %s", stage.stage()).isEqualTo("ok");
            assertThat(stage.startedAt())
                    .as("start time of stage %s", stage.stage())
                    .isNotBlank();
            assertThat(stage.durationMs())
                    .as("duration of stage %s", stage.stage())
                    .isNotNull();
        });
    }

    @Then("the execution is stored durably with its answer, completed exactly once")
    public void theExecutionIsStoredDurably() {
        Execution execution = awaitCompletion(world.adapter());
        DatabaseProbe.StoredExecution stored = world.database()
                .execution(execution.id())
                .orElseThrow(() -> new AssertionError("no row for execution " + execution.id() + " in the database"));
        assertThat(stored.status()).as("status stored in the database").isEqualTo(Execution.COMPLETED);
        assertThat(stored.completions()).as("times the execution was completed").isEqualTo(1);
        assertThat(stored.outputs()).as("outputs stored in the database").isEqualTo(execution.outputs());
        assertThat(stored.auditStages())
                .as("audit stages stored in the database")
                .isEqualTo(AUDIT_STAGES.size());
    }

    @Then("the execution is found again in the program's history")
    public void theExecutionIsFoundInTheHistory() {
        String id = world.execution().id();
        HistoryPage history = world.executions().history(world.program().id(), Execution.COMPLETED);
        assertThat(history.ids())
                .as("completed executions in the program's history")
                .contains(id);
        assertThat(history.totalOrNone())
                .as("size of the program's completed history")
                .isEqualTo(history.ids().size());
    }

    @Then("no execution was stored for the program")
    public void noExecutionWasStoredForTheProgram() {
        assertNothingStoredFor(world.program().id());
    }

    @Then("no execution was stored for that program")
    public void noExecutionWasStoredForThatProgram() {
        assertNothingStoredFor(world.rejectedProgramId());
    }

    private void assertNothingStoredFor(String programId) {
        assertThat(world.database().executionsOfProgram(programId))
                .as("executions of program %s in the database", programId)
                .isZero();
        assertThat(world.executions().history(programId, null).totalOrNone())
                .as("executions of program %s the platform lists", programId)
                .isZero();
    }

    private Execution awaitCompletion(String adapter) {
        String id = world.execution(adapter).id();
        Execution finished = Waits.until(
                "execution " + id + " on " + adapter + " to finish",
                world.settings().awaitTimeout(),
                () -> world.executions().get(id).orFail("reading execution " + id),
                Execution::finished);
        world.execution(adapter, finished);
        assertThat(finished.status())
                .as("status of execution %s (error: %s)", id, finished.error())
                .isEqualTo(Execution.COMPLETED);
        return finished;
    }
}

package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.BudgetTable;
import dev.proofgate.acceptance.budgets.Measure;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.state.AnswerLatencies;
import dev.proofgate.acceptance.completion.StageLedger;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Health;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Stage completion criteria, each measured live, and the roll-up that reads what they came to. */
public final class CompletionSteps {

    static final String ANSWER_TIME_WITHIN = "the time from asking to answer stays within:";

    private static final String EVERY_TYPE =
            "signature %s: :string question, :integer count, :list(:optional(:float)) readings, :map context"
                    + " -> :boolean verified, :confidence_score confidence, :reasoning_chain reasoning, :optional(:string) note";

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;
    private final AnswerLatencies answered;
    private final StageLedger ledger;

    public CompletionSteps(
            ReadinessWorld world, ChecklistScenario scenario, AnswerLatencies answered, StageLedger ledger) {
        this.world = world;
        this.scenario = scenario;
        this.answered = answered;
        this.ledger = ledger;
    }

    /** Records what a criterion scenario came to, for the roll-up at the end of the run. */
    @After(order = 2)
    public void recordCriterion(Scenario finished) {
        ledger.record(finished);
    }

    @When("the suite compiles a signature that uses every type")
    public void theSuiteCompilesEveryType() {
        world.compiled(world.signatures()
                .compile(String.format(EVERY_TYPE, world.uniqueName("stage_1")), null)
                .orFail("compiling every type"));
    }

    @Then("every field comes back typed, and both sides come with a JSON Schema")
    public void everyFieldComesBackTyped() {
        Signature compiled = world.compiled();
        Evidence.text("compiled signature", compiled.toString());
        assertThat(compiled.inputs()).as("typed inputs").hasSize(4);
        assertThat(compiled.outputs()).as("typed outputs").hasSize(4);
        for (String side : List.of(Signature.INPUT, Signature.OUTPUT)) {
            compiled.fields(side)
                    .forEach(field -> assertThat(field.type())
                            .as("type of %s", field.name())
                            .startsWith(":"));
            assertThat(compiled.schemaDialect(side))
                    .as("dialect of the %s schema", side)
                    .contains("2020-12");
            assertThat(compiled.schemaProperties(side))
                    .as("properties of the %s schema", side)
                    .hasSize(4);
        }
    }

    @Then("the bridge reports every worker alive and the operating system agrees")
    public void theBridgeReportsEveryWorkerAlive() {
        Health.Component bridge = world.health().read().bridge();
        Evidence.text("bridge health", bridge.toString());
        assertThat(bridge.status()).as("bridge status").isEqualTo(Health.UP);
        assertThat(bridge.workersTarget())
                .as("workers the bridge should run")
                .isNotNull()
                .isPositive();
        assertThat(bridge.workersAlive()).as("workers alive").isEqualTo(bridge.workersTarget());
        for (long pid : bridge.workerPids()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("worker process %s alive as the operating system sees it", pid)
                    .isTrue();
        }
    }

    @Then("health reports every component up:")
    public void healthReportsEveryComponentUp(List<String> components) {
        Health health = world.health().read();
        Evidence.text("health", health.toString());
        for (String component : components) {
            assertThat(health.component(component).status())
                    .as("status of %s", component)
                    .isEqualTo(Health.UP);
        }
        assertThat(health.status()).as("overall health").isEqualTo(Health.UP);
    }

    @When("{int} questions are answered one after another")
    public void questionsAreAnsweredOneAfterAnother(int count) {
        answered.record(count, TimedJudgement.measure(() -> answerOneAfterAnother(count)));
    }

    private List<Long> answerOneAfterAnother(int count) {
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = world.executions()
                    .submit(world.program().id(), Map.of("question", "timed " + i))
                    .orFail("asking a timed question")
                    .id();
            Execution done = Waits.until(
                    "execution " + id + " to complete",
                    scenario.awaitTimeout(),
                    () -> world.executions().get(id).orFail("reading " + id),
                    Execution::completed);
            // The platform's own figure from acceptance to completion: free of the suite's polling interval.
            totals.add(done.metrics().total());
        }
        Evidence.text("time from asking to answer (the execution's total_ms), in order", totals.toString());
        return totals;
    }

    @Then(ANSWER_TIME_WITHIN)
    public void theTimeStaysWithin(List<Budget> table) {
        List<Budget> budgets = BudgetTable.of(table, Measure.Kind.ANSWER_TIME).budgets();
        int count = answered.questions();
        List<Long> latencies = TimedJudgement.judge(
                "time from asking to answer",
                answered.latencies(),
                () -> TimedJudgement.measure(() -> answerOneAfterAnother(count)),
                measured -> !breaches(budgets, measured, new ArrayList<>()).isEmpty(),
                measured -> String.join("; ", breaches(budgets, measured, new ArrayList<>())));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> breaches = breaches(budgets, latencies, rows);
        Evidence.rows("latency percentiles against the stage 1 budget", rows);
        assertThat(breaches).as("latency budget breaches").isEmpty();
    }

    private static List<String> breaches(List<Budget> budgets, List<Long> latencies, List<Map<String, Object>> rows) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<String> breaches = new ArrayList<>();
        for (Budget budget : budgets) {
            double percentile = budget.measure().percentile();
            long measured =
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
            rows.add(row(
                    "measure",
                    budget.measure().words(),
                    "limit",
                    budget.limitText(),
                    "measured",
                    budget.amount(measured),
                    "samples",
                    sorted.size()));
            if (!budget.holds(measured)) {
                breaches.add(budget.missedBy(measured));
            }
        }
        return breaches;
    }

    @Then("stage 1 is complete, every criterion having held in this run:")
    public void stageOneIsComplete(List<String> criteria) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String criterion : criteria) {
            StageLedger.Held held =
                    ledger.find(new StageLedger.Criterion(criterion)).orElse(null);
            rows.add(row(
                    "criterion",
                    criterion,
                    "scenario",
                    held == null ? "(not run in this run)" : held.scenario(),
                    "outcome",
                    held == null ? "not reported" : held.outcome()));
            if (held == null) {
                missing.add(criterion + ": not run in this run");
            } else if (!held.held()) {
                missing.add(criterion + ": " + held.outcome() + " (" + held.scenario() + ")");
            }
        }
        Evidence.rows("stage 1 criteria in this run", rows);
        assertThat(missing).as("stage 1 criteria that did not hold in this run").isEmpty();
    }
}

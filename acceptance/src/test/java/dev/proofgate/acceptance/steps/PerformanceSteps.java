package dev.proofgate.acceptance.steps;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.BudgetTable;
import dev.proofgate.acceptance.budgets.Measure;
import dev.proofgate.acceptance.load.LoadSession;
import dev.proofgate.platform.signature.CompileError;
import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Load offered to the platform, and the budgets it must stay within. */
public final class PerformanceSteps {

    static final String WITHIN_BUDGET = "the {} stay(s) within budget:";

    private final LoadSession load;

    public PerformanceSteps(LoadSession load) {
        this.load = load;
    }

    @When("teams dry-run compile signatures at {int} per second")
    public void teamsCompileAtRate(int perSecond) {
        load.compileAtRate(perSecond);
    }

    @When("{int} client(s) ask(s) questions on the {string} adapter back to back")
    public void clientsAskBackToBack(int clients, String adapter) {
        load.clientsBackToBack(adapter, clients);
    }

    @When("questions arrive on the {string} adapter at {int} per second")
    public void questionsArrive(String adapter, int perSecond) {
        load.arrivals(adapter, perSecond);
    }

    @When("questions arrive on the {string} adapter at {int} per second for the whole soak")
    public void questionsArriveForTheSoak(String adapter, int perSecond) {
        load.soak(adapter, perSecond);
    }

    @When("clients on the {string} adapter double from 1 while the 95th percentile answer stays within {int} ms")
    public void clientsDouble(String adapter, int p95LimitMs) {
        load.searchSustainableConcurrency(adapter, p95LimitMs);
    }

    @When("{int} client(s) send(s) executions to a bridge worker back to back")
    public void clientsUseTheBridge(int clients) throws CompileError {
        load.bridgeRoundTrips(clients);
    }

    @Then(WITHIN_BUDGET)
    public void withinBudget(String what, List<Budget> budgets) {
        load.decide(what, BudgetTable.of(budgets, Measure.Kind.LOAD));
    }

    @After
    public void closeLoad() {
        load.close();
    }
}

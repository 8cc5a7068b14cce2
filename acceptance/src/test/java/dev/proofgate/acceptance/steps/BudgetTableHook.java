package dev.proofgate.acceptance.steps;

import dev.proofgate.acceptance.budgets.BudgetSteps;
import dev.proofgate.acceptance.budgets.Measure;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.List;

/** Reads every budget table of a scenario before its first step, so that a malformed one fails before any load or fault runs. */
public final class BudgetTableHook {

    /** Every step that takes a budget table, with the kind of figures it measures. */
    public static final BudgetSteps BUDGET_STEPS = new BudgetSteps(List.of(
            new BudgetSteps.Step(PerformanceSteps.WITHIN_BUDGET, Measure.Kind.LOAD),
            new BudgetSteps.Step(ResilienceSteps.RECOVERS_WITHIN, Measure.Kind.RECOVERY),
            new BudgetSteps.Step(ResilienceSteps.LEDGER_SHOWS_AT_MOST, Measure.Kind.LEDGER),
            new BudgetSteps.Step(CompletionSteps.ANSWER_TIME_WITHIN, Measure.Kind.ANSWER_TIME)));

    @Before(order = 1)
    public void readBudgetTables(Scenario scenario) {
        BUDGET_STEPS.readTablesOf(scenario.getUri(), scenario.getLine());
    }
}

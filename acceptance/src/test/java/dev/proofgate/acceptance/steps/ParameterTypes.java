package dev.proofgate.acceptance.steps;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.Measure;
import io.cucumber.java.DataTableType;
import java.util.Map;

/** The parameter and table types the steps take, defined once for every step class. */
public final class ParameterTypes {

    /** A row {@code | measure | limit |} of a budget table, so that a step takes {@code List<Budget>}. */
    @DataTableType
    public Budget budget(Map<String, String> row) {
        return Budget.read(row, Measure.all());
    }
}

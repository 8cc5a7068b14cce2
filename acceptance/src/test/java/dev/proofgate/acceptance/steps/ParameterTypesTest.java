package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.Measure;
import io.cucumber.datatable.DataTable;
import io.cucumber.datatable.DataTableType;
import io.cucumber.datatable.DataTableTypeRegistry;
import io.cucumber.datatable.DataTableTypeRegistryTableConverter;
import io.cucumber.datatable.TableEntryTransformer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The budget table type as Cucumber applies it: a {@code @DataTableType} taking a row as a map is a
 * table entry transformer, so a two-column table with a header becomes one {@link Budget} per row.
 */
class ParameterTypesTest {

    private final DataTable.TableConverter converter = converter();

    @Test
    void aTwoColumnBudgetTableWithAHeaderBecomesOneBudgetPerRow() {
        List<Budget> budgets = converter.toList(
                table(
                        "| measure | limit |",
                        "| lost | at most 0 |",
                        "| worker pool back at full strength | at most 0.5 s |"),
                Budget.class);

        assertThat(budgets).extracting(Budget::measure).containsExactly(Measure.LOST, Measure.WORKER_POOL_BACK);
        assertThat(budgets.get(1).limit()).isEqualTo(500);
    }

    @Test
    void aRowThatCannotBeReadIsNamedWithItsColumn() {
        assertThatThrownBy(() -> converter.toList(table("| measure | limit |", "| lost | |"), Budget.class))
                .rootCause()
                .hasMessage(
                        "budget row | lost |  |, column 'limit': expected 'at most' and an amount in no unit (a count),"
                                + " such as 'at most 0'; got ''");
        assertThatThrownBy(() -> converter.toList(table("| percentile | at most |", "| p50 | 200 ms |"), Budget.class))
                .rootCause()
                .hasMessage("a budget table has the header | measure | limit |; this one has | percentile | at most |");
    }

    private static DataTable.TableConverter converter() {
        DataTableTypeRegistry registry = new DataTableTypeRegistry(Locale.ENGLISH);
        ParameterTypes types = new ParameterTypes();
        registry.defineDataTableType(new DataTableType(Budget.class, (TableEntryTransformer<Budget>) types::budget));
        return new DataTableTypeRegistryTableConverter(registry);
    }

    private DataTable table(String... rows) {
        return DataTable.create(
                Arrays.stream(rows)
                        .map(row -> Arrays.stream(
                                        row.substring(1, row.length() - 1).split("\\|", -1))
                                .map(String::trim)
                                .map(cell -> cell.isEmpty() ? null : cell)
                                .toList())
                        .toList(),
                converter);
    }
}

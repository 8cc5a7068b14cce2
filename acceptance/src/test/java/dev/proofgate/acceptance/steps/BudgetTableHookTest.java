package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.BudgetSteps;
import dev.proofgate.acceptance.budgets.BudgetTable;
import dev.proofgate.acceptance.budgets.Measure;
import dev.proofgate.acceptance.config.SuiteSettings;
import io.cucumber.java.en.Then;
import io.cucumber.messages.types.Pickle;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget tables are read before a scenario's first step: every step that takes one is known to
 * the hook, every table in features/ and the example in features/readme.md can be read, and a
 * malformed one is refused naming the step, the row and the column.
 */
class BudgetTableHookTest {

    private final Path project = SuiteSettings.load().projectDirectory();

    @Test
    void everyStepThatTakesABudgetTableIsKnownToTheHook() throws IOException, URISyntaxException {
        List<String> takingBudgets = new ArrayList<>();
        for (Class<?> glue : stepClasses()) {
            for (Method method : glue.getDeclaredMethods()) {
                Then then = method.getAnnotation(Then.class);
                if (then != null
                        && Arrays.stream(method.getGenericParameterTypes())
                                .anyMatch(BudgetTableHookTest::isListOfBudgets)) {
                    takingBudgets.add(then.value());
                }
            }
        }
        assertThat(BudgetTableHook.BUDGET_STEPS.steps())
                .extracting(BudgetSteps.Step::expression)
                .as("the budget steps the hook reads before a scenario starts")
                .containsExactlyInAnyOrderElementsOf(takingBudgets);
    }

    @Test
    void everyBudgetTableInTheFeaturesCanBeRead() throws IOException {
        int tables = 0;
        try (Stream<Path> files = Files.walk(project.resolve("features"))) {
            for (Path feature : files.filter(path -> path.toString().endsWith(".feature"))
                    .sorted()
                    .toList()) {
                for (Pickle pickle : BudgetSteps.pickles(feature)) {
                    tables += BudgetTableHook.BUDGET_STEPS.read(pickle).size();
                }
            }
        }
        assertThat(tables).as("budget tables read in features/").isGreaterThanOrEqualTo(25);
    }

    /** The readme's example goes through the parser as a product owner would copy it, so the document cannot drift from the code. */
    @Test
    void theReadmeExampleIsATableTheParserReads() throws IOException {
        String section = budgetSection();
        Matcher block = Pattern.compile("```gherkin\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find())
                .as("a gherkin example in the budget section of features/readme.md")
                .isTrue();
        List<String> lines = block.group(1)
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
        String stepText = lines.get(0).replaceFirst("^(Given|When|Then|And) ", "");
        BudgetSteps.Step step = BudgetTableHook.BUDGET_STEPS
                .stepOf(stepText)
                .orElseThrow(
                        () -> new AssertionError("the readme's example is not under a budget step: " + lines.get(0)));
        List<List<String>> cells = lines.subList(1, lines.size()).stream()
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::trim)
                        .toList())
                .toList();

        BudgetTable table = BudgetTable.read(cells, step.kind());

        assertThat(table.budgets()).extracting(Budget::measure).hasSize(cells.size() - 1);
    }

    /** The readme lists, for every budget step, exactly the measures that step takes. */
    @Test
    void theReadmeListsTheMeasuresOfEveryBudgetStep() throws IOException {
        String section = budgetSection();
        for (BudgetSteps.Step step : BudgetTableHook.BUDGET_STEPS.steps()) {
            int start = section.indexOf("- `" + step.expression() + "`");
            assertThat(start)
                    .as("the readme's budget section lists the measures of '%s'", step.expression())
                    .isNotNegative();
            int end = section.indexOf("\n- ", start + 1) < 0
                    ? section.indexOf("\n\n", start)
                    : section.indexOf("\n- ", start + 1);
            String item = section.substring(start + step.expression().length() + 4, end);
            List<String> listed = Pattern.compile("`([^`]*)`")
                    .matcher(item)
                    .results()
                    .map(match -> match.group(1))
                    .toList();
            assertThat(listed)
                    .as("measures the readme lists for '%s'", step.expression())
                    .containsExactlyElementsOf(
                            step.kind().measures().stream().map(Measure::words).toList());
        }
    }

    @Test
    void aMalformedTableIsRefusedBeforeTheScenarioStartsNamingTheRowAndColumn(@TempDir Path folder) throws IOException {
        Path feature = folder.resolve("budget.feature");
        Files.writeString(feature, """
                Feature: budgets
                  Scenario: a well-formed table
                    When 10 clients ask questions on the "native" adapter back to back
                    Then the answers stay within budget:
                      | measure     | limit          |
                      | p50 latency | at most 200 ms |

                  Scenario: the readme's table of another shape
                    When 10 clients ask questions on the "native" adapter back to back
                    Then the answers stay within budget:
                      | percentile | at most |
                      | p50        | 200 ms  |

                  Scenario Outline: a measure the step does not take
                    When the database goes away for 4 seconds
                    Then the platform recovers within these budgets:
                      | measure   | limit           |
                      | <measure> | at most <limit> |
                    Examples:
                      | measure                       | limit |
                      | serving again after the fault | 2 s   |
                      | p99 latency                   | 2 s   |
                """);

        BudgetTableHook.BUDGET_STEPS.readTablesOf(feature.toUri(), 2);
        assertThatThrownBy(() -> BudgetTableHook.BUDGET_STEPS.readTablesOf(feature.toUri(), 8))
                .hasMessage(
                        "the budget table of the step 'the answers stay within budget:' cannot be read, so nothing was measured:"
                                + " a budget table has the header | measure | limit |; this one has | percentile | at most |");
        BudgetTableHook.BUDGET_STEPS.readTablesOf(feature.toUri(), 21);
        assertThatThrownBy(() -> BudgetTableHook.BUDGET_STEPS.readTablesOf(feature.toUri(), 22))
                .hasMessage(
                        "the budget table of the step 'the platform recovers within these budgets:' cannot be read, so nothing"
                                + " was measured: budget row 1 | p99 latency | at most 2 s |, column 'measure': 'p99 latency' is not a measure"
                                + " this table takes; it takes: worker pool back at full strength, ready again after the fault,"
                                + " ready after the restart, stopped after the request to stop, serving again after the fault,"
                                + " first completion after the fault");
    }

    private String budgetSection() throws IOException {
        String readme = Files.readString(project.resolve("features/readme.md"));
        int start = readme.indexOf("## 3. Use a budget table");
        assertThat(start).as("the budget section of features/readme.md").isNotNegative();
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    private static boolean isListOfBudgets(Type type) {
        return type instanceof ParameterizedType list
                && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == Budget.class;
    }

    private static List<Class<?>> stepClasses() throws IOException, URISyntaxException {
        Path folder = Path.of(BudgetTableHook.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(BudgetTableHook.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith("Steps.class"))
                    .toList()) {
                String name = file.getFileName().toString();
                try {
                    classes.add(Class.forName(
                            BudgetTableHook.class.getPackageName() + "." + name.substring(0, name.length() - 6)));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(classes).as("step classes").hasSizeGreaterThanOrEqualTo(20);
        return classes;
    }
}

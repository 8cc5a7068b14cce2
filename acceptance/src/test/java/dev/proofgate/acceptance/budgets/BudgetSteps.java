package dev.proofgate.acceptance.budgets;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTable;
import io.cucumber.messages.types.PickleTableCell;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The steps that take a budget table, each with the kind of figures it measures, and the reading of a
 * scenario's budget tables before its first step: a malformed table fails before any load or fault runs,
 * naming the step, the row, the column and what was expected.
 */
public final class BudgetSteps {

    /** A step that takes a budget table: its Cucumber expression and the measures its table may name. */
    public record Step(String expression, Measure.Kind kind) {}

    private final List<Step> steps;
    private final List<Expression> expressions;

    public BudgetSteps(List<Step> steps) {
        ExpressionFactory factory = new ExpressionFactory(new ParameterTypeRegistry(Locale.ENGLISH));
        this.steps = List.copyOf(steps);
        this.expressions = steps.stream()
                .map(step -> factory.createExpression(step.expression()))
                .toList();
    }

    public List<Step> steps() {
        return steps;
    }

    /** The budget step a step's text matches, if any. */
    public Optional<Step> stepOf(String text) {
        for (int i = 0; i < steps.size(); i++) {
            if (expressions.get(i).match(text) != null) {
                return Optional.of(steps.get(i));
            }
        }
        return Optional.empty();
    }

    /** Reads the budget tables of the scenario at {@code line} (its own line, or its row of examples) of the feature file. */
    public void readTablesOf(URI feature, int line) {
        pickleAt(feature, line).ifPresent(this::read);
    }

    /** Reads every budget table of a scenario; throws on the first that cannot be read. */
    public List<BudgetTable> read(Pickle pickle) {
        List<BudgetTable> tables = new ArrayList<>();
        for (PickleStep pickleStep : pickle.getSteps()) {
            Optional<Step> step = stepOf(pickleStep.getText());
            if (step.isEmpty()) {
                continue;
            }
            List<List<String>> cells = pickleStep
                    .getArgument()
                    .flatMap(argument -> argument.getDataTable())
                    .map(BudgetSteps::cells)
                    .orElse(List.of());
            try {
                tables.add(BudgetTable.read(cells, step.get().kind()));
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException(
                        "the budget table of the step '" + pickleStep.getText() + "' cannot be read, so nothing"
                                + " was measured: " + malformed.getMessage(),
                        malformed);
            }
        }
        return tables;
    }

    private static List<List<String>> cells(PickleTable table) {
        return table.getRows().stream()
                .map(row ->
                        row.getCells().stream().map(PickleTableCell::getValue).toList())
                .toList();
    }

    /** Every scenario of a feature file, as Cucumber runs it (outlines expanded). */
    public static List<Pickle> pickles(Path feature) {
        return envelopes(feature).stream()
                .map(Envelope::getPickle)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The scenario Cucumber reports at {@code line}: a pickle's last AST node is its scenario, or its
     * row of examples, whose line is the one Cucumber gives.
     */
    private static Optional<Pickle> pickleAt(URI feature, int line) {
        if (!"file".equals(feature.getScheme())) {
            return Optional.empty();
        }
        List<Envelope> envelopes = envelopes(Path.of(feature));
        Map<String, Long> lines = new HashMap<>();
        envelopes.stream()
                .map(Envelope::getGherkinDocument)
                .flatMap(Optional::stream)
                .flatMap(document -> document.getFeature().stream())
                .flatMap(f -> f.getChildren().stream())
                .flatMap(BudgetSteps::scenarios)
                .forEach(scenario -> {
                    lines.put(scenario.getId(), scenario.getLocation().getLine());
                    scenario.getExamples()
                            .forEach(examples -> examples.getTableBody()
                                    .forEach(row -> lines.put(
                                            row.getId(), row.getLocation().getLine())));
                });
        return envelopes.stream()
                .map(Envelope::getPickle)
                .flatMap(Optional::stream)
                .filter(pickle -> {
                    List<String> ids = pickle.getAstNodeIds();
                    return !ids.isEmpty() && Long.valueOf(line).equals(lines.get(ids.get(ids.size() - 1)));
                })
                .findFirst();
    }

    private static Stream<Scenario> scenarios(FeatureChild child) {
        Stream<Scenario> own = child.getScenario().stream();
        Stream<Scenario> ofRule = child.getRule().stream()
                .flatMap(rule -> rule.getChildren().stream())
                .map(RuleChild::getScenario)
                .flatMap(Optional::stream);
        return Stream.concat(own, ofRule);
    }

    private static List<Envelope> envelopes(Path feature) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includeGherkinDocument(true)
                .includePickles(true)
                .build();
        try (Stream<Envelope> envelopes = parser.parse(feature)) {
            return envelopes.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature " + feature, e);
        }
    }
}

package dev.proofgate.gate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.config.GateSettings;
import dev.proofgate.gate.machine.MachineDisturbed;
import dev.proofgate.gate.machine.MachineMeter;
import dev.proofgate.gate.machine.MachineSummary;
import dev.proofgate.gate.support.Json;
import dev.proofgate.gate.support.ScenarioPlace;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Listens to the whole run and decides after it: prints a line per scenario as it finishes, then the
 * area table and the verdict, writes verdict.json/verdict.md, and adds the report's environment,
 * executor and categories to the Allure results. Before the run it clears the previous results and
 * verdict (only this run's results may count) and, for a full run, carries the full-run history
 * forward so the trend widgets show past full runs.
 */
public final class ReadinessVerdictPlugin implements ConcurrentEventListener {

    private static final Set<String> SEVERITIES = Set.of("blocker", "critical", "normal", "minor", "trivial");

    private final GateSettings settings = GateSettings.load();
    private final SystemUnderTest system = SystemUnderTest.registered();
    private final RunSelection selection = RunSelection.current();
    private final Map<URI, String> sources = new ConcurrentHashMap<>();
    private final Map<String, List<String>> scenarioNames = new ConcurrentHashMap<>();
    private final AtomicInteger parsedScenarios = new AtomicInteger();
    private final List<String> stepExpressions = new ArrayList<>();
    private final Map<String, String> snippets = new ConcurrentHashMap<>();
    private final Set<String> suiteDefects = new LinkedHashSet<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Instant started = Instant.now();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, this::runStarted);
        publisher.registerHandlerFor(TestSourceRead.class, event -> sources.put(event.getUri(), event.getSource()));
        publisher.registerHandlerFor(TestSourceParsed.class, this::sourceParsed);
        publisher.registerHandlerFor(StepDefinedEvent.class, this::stepDefined);
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, this::snippetSuggested);
        publisher.registerHandlerFor(TestCaseStarted.class, this::scenarioStarted);
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private void runStarted(TestRunStarted event) {
        started = event.getInstant();
        RunLedger.clear();
        Path results = settings.resultsDirectory();
        clearPreviousResults(results);
        deleteQuietly(settings.verdictDirectory().resolve("verdict.json"));
        deleteQuietly(settings.verdictDirectory().resolve("verdict.md"));
        FullRunHistory history = new FullRunHistory(settings);
        history.keepLastFullRun();
        if (!selection.partial()) {
            history.carryForward(results.resolve("history"));
        }
        System.out.println("[proofgate] readiness run " + settings.runId() + " started"
                + (selection.partial() ? " (partial: " + selection.describe() + ")" : "")
                + (selection.dryRun() ? " as a dry run" : "")
                + "; results in " + results);
    }

    private void sourceParsed(TestSourceParsed event) {
        for (Node node : event.getNodes()) {
            collect(node, event.getUri());
        }
    }

    private void collect(Node node, URI uri) {
        if (node instanceof Node.Scenario || node instanceof Node.ScenarioOutline) {
            String name = node.getName().orElse("");
            int line = node.getLocation().getLine();
            scenarioNames
                    .computeIfAbsent(name, key -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(relative(uri) + ":" + line);
        }
        if (node instanceof Node.Scenario || node instanceof Node.Example) {
            parsedScenarios.incrementAndGet();
        }
        if (node instanceof Node.Container<?> container) {
            for (Node child : container.elements()) {
                collect(child, uri);
            }
        }
    }

    private void stepDefined(StepDefinedEvent event) {
        synchronized (stepExpressions) {
            stepExpressions.add(event.getStepDefinition().getPattern());
        }
    }

    private void snippetSuggested(SnippetsSuggestedEvent event) {
        snippets.put(
                relative(event.getUri()) + ":" + event.getStepLocation().getLine(),
                String.join("\n", event.getSuggestion().getSnippets()));
    }

    private void scenarioStarted(TestCaseStarted event) {
        if (environment.isEmpty() && system.started()) {
            synchronized (environment) {
                environment.putAll(system.describe());
            }
        }
        TestCase scenario = event.getTestCase();
        RunLedger.Entry entry = RunLedger.entry(scenario.getId().toString());
        entry.area = ScenarioPlace.area(scenario.getUri(), settings.areas());
        entry.evidenceRequired = settings.evidenceAreas().contains(entry.area);
        entry.severityMissing = severity(scenario) == null;
        if (selection.dryRun()) {
            entry.cause = RunLedger.Cause.NOT_RUN;
            entry.causeMessage = "not run: dry run, the steps were not executed";
        }
        label(scenario);
    }

    /**
     * Epic = area, story = the Rule (or the scenario outside a Rule). Runs after the Allure plugin
     * (listed before this one) has started the test case, so the labels land on that result.
     */
    private void label(TestCase scenario) {
        String area = ScenarioPlace.area(scenario.getUri(), settings.areas());
        String rule = ScenarioPlace.rule(
                sources.getOrDefault(scenario.getUri(), ""),
                scenario.getLocation().getLine());
        Allure.getLifecycle().updateTestCase(scenario.getId().toString(), result -> {
            List<Label> labels = result.getLabels();
            labels.removeIf(label -> "story".equals(label.getName()) || "epic".equals(label.getName()));
            labels.add(new Label().setName("epic").setValue(area));
            labels.add(new Label().setName("story").setValue(rule == null ? scenario.getName() : rule));
        });
    }

    /** Records why a step did not pass, before the Allure plugin writes the scenario's result. */
    private void stepFinished(TestStepFinished event) {
        Result result = event.getResult();
        RunLedger.Entry entry = RunLedger.entry(event.getTestCase().getId().toString());
        if (entry.cause != null
                || result.getStatus() == Status.PASSED
                || result.getStatus() == Status.SKIPPED && result.getError() == null) {
            return;
        }
        if (result.getStatus() == Status.UNDEFINED
                || result.getStatus() == Status.AMBIGUOUS
                || result.getStatus() == Status.PENDING) {
            String problem = stepProblem(event, result);
            synchronized (entry.stepProblems) {
                entry.stepProblems.add(problem);
            }
            entry.cause = RunLedger.Cause.SUITE;
            entry.causeMessage = problem;
            return;
        }
        Throwable error = result.getError();
        entry.cause = error instanceof MachineDisturbed
                ? RunLedger.Cause.ENVIRONMENT
                : result.getStatus() == Status.SKIPPED
                        ? RunLedger.Cause.NOT_RUN
                        : classify(error, event.getTestCase().getTags(), settings.lossIsFindingTags());
        entry.causeMessage =
                error == null ? result.getStatus().name().toLowerCase() : Verdict.quote(error.getMessage());
    }

    private String stepProblem(TestStepFinished event, Result result) {
        if (!(event.getTestStep() instanceof PickleStepTestStep step)) {
            return "a hook is " + result.getStatus().name().toLowerCase() + ": "
                    + (result.getError() == null
                            ? ""
                            : Verdict.quote(result.getError().getMessage()));
        }
        String place = relative(step.getUri()) + ":" + step.getStep().getLine();
        String text = step.getStep().getKeyword() + step.getStep().getText();
        return switch (result.getStatus()) {
            case UNDEFINED -> {
                List<String> closest;
                synchronized (stepExpressions) {
                    closest = StepSuggestions.closest(step.getStep().getText(), stepExpressions, 3);
                }
                yield "undefined step \"" + text.strip() + "\" at " + place
                        + (closest.isEmpty()
                                ? "; no existing step is close: a new step needs an engineer"
                                : "; did you mean "
                                        + String.join(
                                                " or ",
                                                closest.stream()
                                                        .map(c -> "\"" + c + "\"")
                                                        .toList()) + "?");
            }
            case AMBIGUOUS ->
                "ambiguous step \"" + text.strip() + "\" at " + place + ": "
                        + Verdict.quote(
                                result.getError() == null
                                        ? ""
                                        : result.getError().getMessage());
            default -> "pending step \"" + text.strip() + "\" at " + place + ": its definition is not finished";
        };
    }

    /**
     * An assertion about the product is a product finding; an I/O or database failure says the
     * environment could not be reached; anything else (a step used out of order, an unknown
     * capability tag, a crash in step code) is a defect of the suite. Only product findings can make
     * the verdict NO-GO; the others make it INCONCLUSIVE.
     */
    static RunLedger.Cause classify(Throwable error) {
        return classify(error, List.of(), List.of());
    }

    /**
     * As above; in a scenario that itself takes the system down (one of {@code lossIsFindingTags}), a system that
     * cannot be reached afterwards is a finding.
     */
    static RunLedger.Cause classify(Throwable error, List<String> tags, List<String> lossIsFindingTags) {
        if (error == null || error instanceof AssertionError) {
            return RunLedger.Cause.PRODUCT;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SystemUnreachable && tags.stream().anyMatch(lossIsFindingTags::contains)) {
                return RunLedger.Cause.PRODUCT;
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof UncheckedIOException
                    || cause instanceof SQLException) {
                return RunLedger.Cause.ENVIRONMENT;
            }
        }
        return RunLedger.Cause.SUITE;
    }

    private void scenarioFinished(TestCaseFinished event) {
        TestCase scenario = event.getTestCase();
        Result result = event.getResult();
        RunLedger.Entry entry =
                Optional.ofNullable(RunLedger.find(scenario.getId().toString())).orElseGet(RunLedger.Entry::new);
        String area = ScenarioPlace.area(scenario.getUri(), settings.areas());
        String location =
                relative(scenario.getUri()) + ":" + scenario.getLocation().getLine();
        String severity = severity(scenario);
        String status = result.getStatus().name();
        String message = result.getError() == null
                ? entry.causeMessage
                : result.getError().getMessage();
        String cause = entry.cause == null ? null : entry.cause.label();
        if (entry.cause == RunLedger.Cause.NOT_RUN) {
            status = "SKIPPED";
            message = entry.causeMessage;
        } else if ("FAILED".equals(status) && cause == null) {
            cause = classify(result.getError(), scenario.getTags(), settings.lossIsFindingTags())
                    .label();
        }
        Waiver waiver = null;
        try {
            waiver = Waiver.from(scenario.getTags()).orElse(null);
        } catch (IllegalArgumentException e) {
            synchronized (suiteDefects) {
                suiteDefects.add(e.getMessage() + " on \"" + scenario.getName() + "\" (" + location + ")");
            }
        }
        List<String> details = new ArrayList<>();
        synchronized (entry.stepProblems) {
            details.addAll(entry.stepProblems);
        }
        ScenarioOutcome outcome = new ScenarioOutcome(
                area,
                featureName(scenario.getUri()),
                scenario.getName(),
                location,
                severity,
                status,
                message,
                result.getDuration().toMillis(),
                cause,
                waiver,
                List.copyOf(details));
        synchronized (outcomes) {
            outcomes.add(outcome);
        }
        if (settings.consoleShowsFailuresOnly() && "PASSED".equals(status)) {
            return;
        }
        System.out.printf(
                "[proofgate] %-9s %-11s %-9s %s (%.1f s)%n",
                symbol(status),
                area,
                severity == null ? "no-sev" : severity,
                scenario.getName(),
                result.getDuration().toMillis() / 1000.0);
        if (settings.consoleShowsFailuresOnly()) {
            System.out.println("            at " + location
                    + (message == null ? "" : ": " + message.lines().findFirst().orElse("")));
        }
        details.forEach(detail -> System.out.println("[proofgate]           " + detail));
    }

    private void runFinished(TestRunFinished event) {
        Result run = event.getResult();
        String runFailure = run.getError() == null ? null : run.getError().getMessage();
        Map<String, String> facts = new LinkedHashMap<>(environment);
        if (environment.isEmpty()) {
            system.describe().forEach(facts::putIfAbsent);
        }
        facts.put("run.id", settings.runId());
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        facts.put("commit", commit());
        if (System.getenv("CI") != null) {
            facts.put("ci", "true");
            facts.put("executor", "CI");
        }
        List<ScenarioOutcome> snapshot;
        synchronized (outcomes) {
            snapshot = List.copyOf(outcomes);
        }
        String partial = partial(snapshot.size());
        List<String> defects = new ArrayList<>(duplicateNames());
        synchronized (suiteDefects) {
            defects.addAll(suiteDefects);
        }
        ChecklistCompletion checklists = ChecklistCompletion.of(snapshot, settings.checklistAreas());
        Verdict verdict = checklists.applyTo(Verdict.of(
                snapshot,
                partial == null ? requiredAreas() : List.of(),
                runFailure,
                defects,
                partial,
                LocalDate.now(ZoneOffset.UTC)));
        VerdictReport report = new VerdictReport(
                        verdict, snapshot, facts, started, event.getInstant(), settings.runId(), engineerFollowUp())
                .checklists(checklists);
        if (MachineMeter.started()) {
            MachineSummary machine = MachineMeter.get().summary();
            report.machine(machine);
            facts.put("machine", machine.line());
        }
        report.writeFiles(settings.verdictDirectory());
        report.writeAllureResults(settings.resultsDirectory());
        System.out.println(
                "[proofgate] verdict written to " + settings.verdictDirectory().resolve("verdict.json"));
        System.out.print(report.console());
    }

    /** The selection that narrowed this run, or null for a full run. */
    private String partial(int executed) {
        List<String> narrowed = new ArrayList<>();
        if (selection.partial()) {
            narrowed.add(selection.describe());
        }
        int parsed = parsedScenarios.get();
        if (executed < parsed && narrowed.isEmpty()) {
            narrowed.add(executed + " of " + parsed + " scenarios selected");
        }
        return narrowed.isEmpty() ? null : String.join("; ", narrowed);
    }

    /** By default every area folder under features/; proofgate.required.areas names them explicitly. */
    private List<String> requiredAreas() {
        if (!settings.requiredAreas().isEmpty()) {
            return settings.requiredAreas();
        }
        Path features = settings.projectDirectory().resolve("features");
        return settings.areas().stream()
                .filter(area -> Files.isDirectory(features.resolve(area)))
                .toList();
    }

    private List<String> duplicateNames() {
        List<String> duplicates = new ArrayList<>();
        new TreeMap<>(scenarioNames).forEach((name, places) -> {
            if (places.size() > 1) {
                duplicates.add("scenario name \"" + name + "\" is used " + places.size() + " times ("
                        + String.join(", ", places)
                        + "): names must be unique so the report and its history tell them apart");
            }
        });
        return duplicates;
    }

    /** Snippets for new step definitions: shown after the product owner's view, for the engineer who writes the step. */
    private List<String> engineerFollowUp() {
        List<String> followUp = new ArrayList<>();
        new TreeMap<>(snippets).forEach((place, snippet) -> followUp.add(place + "\n" + snippet));
        return followUp;
    }

    private static String severity(TestCase scenario) {
        return scenario.getTags().stream()
                .filter(tag -> tag.startsWith("@severity="))
                .map(tag -> tag.substring("@severity=".length()))
                .filter(SEVERITIES::contains)
                .findFirst()
                .orElse(null);
    }

    private static String symbol(String status) {
        return switch (status) {
            case "SKIPPED" -> "NOT RUN";
            default -> status;
        };
    }

    private String featureName(URI uri) {
        String source = sources.getOrDefault(uri, "");
        return source.lines()
                .map(String::trim)
                .filter(line -> line.startsWith("Feature:"))
                .map(line -> line.substring("Feature:".length()).trim())
                .findFirst()
                .orElse(relative(uri));
    }

    private String relative(URI uri) {
        try {
            return settings.projectDirectory().relativize(Path.of(uri)).toString();
        } catch (RuntimeException e) {
            return uri.toString();
        }
    }

    private String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(settings.projectDirectory().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void clearPreviousResults(Path results) {
        try {
            Files.createDirectories(results);
            try (Stream<Path> files = Files.walk(results)) {
                files.sorted(Comparator.reverseOrder())
                        .filter(path -> !path.equals(results)
                                && !path.getFileName().toString().equals(".gitkeep"))
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + results, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the previous " + file, e);
        }
    }

    /**
     * The trend of full runs only: the rendered report's history is kept aside while the report shows
     * a full run, and a partial run's report never feeds it.
     */
    static final class FullRunHistory {
        private final Path report;
        private final Path kept;

        FullRunHistory(GateSettings settings) {
            this.report = settings.reportDirectory();
            this.kept = settings.projectDirectory().resolve(".proofgate").resolve("full-run-history");
        }

        /** Keeps the rendered report's history aside when that report shows a full run. */
        void keepLastFullRun() {
            if (Files.isDirectory(report.resolve("history")) && reportWasFullRun()) {
                copy(report.resolve("history"), kept);
            }
        }

        void carryForward(Path into) {
            if (Files.isDirectory(kept)) {
                copy(kept, into);
            }
        }

        private boolean reportWasFullRun() {
            Path verdict = report.resolve(ReportFrontPage.VERDICT_COPY);
            if (!Files.exists(verdict)) {
                return true;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(verdict.toFile());
                return node.path("partial").isNull() || node.path("partial").isMissingNode();
            } catch (IOException e) {
                return false;
            }
        }

        private static void copy(Path from, Path to) {
            try (Stream<Path> files = Files.list(from)) {
                Files.createDirectories(to);
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not carry the report history forward from " + from, e);
            }
        }
    }
}

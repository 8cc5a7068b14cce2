package dev.proofgate.acceptance.verdict;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.environment.Environments;
import dev.proofgate.acceptance.support.ScenarioPlace;
import io.cucumber.plugin.ConcurrentEventListener;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Listens to the whole run and decides after it: prints a line per scenario as it finishes, then the
 * area table and the verdict, writes verdict.json/verdict.md, and adds the verdict and the report's
 * environment, executor and categories to the Allure results. Before the run it clears the previous
 * results and carries the last report's history forward, so the trend widgets show past runs.
 */
public final class ReadinessVerdictPlugin implements ConcurrentEventListener {

    private static final Set<String> SEVERITIES = Set.of("blocker", "critical", "normal", "minor", "trivial");

    private final SuiteSettings settings = SuiteSettings.load();
    private final Map<URI, String> sources = new ConcurrentHashMap<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Instant started = Instant.now();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, this::runStarted);
        publisher.registerHandlerFor(TestSourceRead.class, event -> sources.put(event.getUri(), event.getSource()));
        publisher.registerHandlerFor(TestCaseStarted.class, this::scenarioStarted);
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private void runStarted(TestRunStarted event) {
        started = event.getInstant();
        Path results = settings.resultsDirectory();
        clearPreviousResults(results);
        carryHistoryForward(settings.reportDirectory().resolve("history"), results.resolve("history"));
        System.out.println("[proofgate] readiness run started; results in " + results);
    }

    private void scenarioStarted(TestCaseStarted event) {
        if (environment.isEmpty() && Environments.started()) {
            synchronized (environment) {
                environment.putAll(Environments.current().describe());
            }
        }
        label(event.getTestCase());
    }

    /**
     * Epic = area, story = the Rule (or the scenario outside a Rule). Runs after the Allure plugin
     * (listed before this one) has started the test case, so the labels land on that result.
     */
    private void label(TestCase scenario) {
        String area = ScenarioPlace.area(scenario.getUri());
        String rule = ScenarioPlace.rule(sources.getOrDefault(scenario.getUri(), ""), scenario.getLocation().getLine());
        Allure.getLifecycle().updateTestCase(scenario.getId().toString(), result -> {
            List<Label> labels = result.getLabels();
            labels.removeIf(label -> "story".equals(label.getName()) || "epic".equals(label.getName()));
            labels.add(new Label().setName("epic").setValue(area));
            labels.add(new Label().setName("story").setValue(rule == null ? scenario.getName() : rule));
        });
    }

    private void scenarioFinished(TestCaseFinished event) {
        TestCase scenario = event.getTestCase();
        Result result = event.getResult();
        String area = ScenarioPlace.area(scenario.getUri());
        String location = relative(scenario.getUri()) + ":" + scenario.getLocation().getLine();
        String severity = scenario.getTags().stream().filter(tag -> tag.startsWith("@severity="))
                .map(tag -> tag.substring("@severity=".length())).filter(SEVERITIES::contains).findFirst().orElse(null);
        String message = result.getError() == null ? null : result.getError().getMessage();
        ScenarioOutcome outcome = new ScenarioOutcome(area, featureName(scenario.getUri()), scenario.getName(), location, severity,
                result.getStatus().name(), message, result.getDuration().toMillis());
        synchronized (outcomes) {
            outcomes.add(outcome);
        }
        if (settings.consoleShowsFailuresOnly() && result.getStatus() == Status.PASSED) {
            return;
        }
        System.out.printf("[proofgate] %-9s %-11s %-9s %s (%.1f s)%n", symbol(result.getStatus()), area,
                severity == null ? "no-sev" : severity, scenario.getName(), result.getDuration().toMillis() / 1000.0);
        if (settings.consoleShowsFailuresOnly()) {
            System.out.println("            at " + location + (message == null ? "" : ": " + message.lines().findFirst().orElse("")));
        }
    }

    private void runFinished(TestRunFinished event) {
        Result run = event.getResult();
        String runFailure = run.getError() == null ? null : run.getError().getMessage();
        Map<String, String> facts = new LinkedHashMap<>(environment);
        facts.putIfAbsent("mode", settings.mode());
        facts.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("commit", commit());
        if (System.getenv("CI") != null) {
            facts.put("ci", "true");
            facts.put("executor", "CI");
        }
        List<ScenarioOutcome> snapshot;
        synchronized (outcomes) {
            snapshot = List.copyOf(outcomes);
        }
        Verdict verdict = Verdict.of(snapshot, settings.requiredAreas(), runFailure);
        VerdictReport report = new VerdictReport(verdict, snapshot, facts, started, event.getInstant());
        report.writeFiles(settings.verdictDirectory());
        report.writeAllureResults(settings.resultsDirectory());
        System.out.println("[proofgate] verdict written to " + settings.verdictDirectory().resolve("verdict.json"));
        System.out.print(report.console());
    }

    private static String symbol(Status status) {
        return switch (status) {
            case PASSED -> "PASSED";
            case FAILED -> "FAILED";
            case SKIPPED -> "NOT RUN";
            default -> status.name();
        };
    }

    private String featureName(URI uri) {
        String source = sources.getOrDefault(uri, "");
        return source.lines().map(String::trim).filter(line -> line.startsWith("Feature:"))
                .map(line -> line.substring("Feature:".length()).trim()).findFirst().orElse(relative(uri));
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
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(settings.projectDirectory().toFile())
                    .redirectErrorStream(true).start();
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
                        .filter(path -> !path.equals(results) && !path.getFileName().toString().equals(".gitkeep"))
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + results, e);
        }
    }

    private static void carryHistoryForward(Path previous, Path next) {
        if (!Files.isDirectory(previous)) {
            return;
        }
        try (Stream<Path> files = Files.list(previous)) {
            Files.createDirectories(next);
            for (Path file : files.toList()) {
                Files.copy(file, next.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not carry the report history forward from " + previous, e);
        }
    }
}

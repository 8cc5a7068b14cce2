package dev.proofgate.gate.selfcheck;

import dev.proofgate.gate.config.Settings;
import dev.proofgate.gate.selfcheck.SuiteRun.Outcome;
import dev.proofgate.gate.selfcheck.SuiteRun.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The suite checking itself. {@code defects}: a baseline run of the unchanged platform, the canaries
 * (scenarios that must fail), then one run per seeded defect of the catalogue, each in its own JVM with
 * the defect compiled into an overlay; reports caught or survived, the scenarios that turned red and
 * whether their messages name the cause. {@code flakiness}: N runs of the unchanged suite and each
 * scenario's failure rate. Run with {@code mvn -Pself-check verify} (README).
 */
public final class SelfCheck {

    private final SelfCheckSettings settings;
    private final String classpath = System.getProperty("java.class.path");

    private SelfCheck(SelfCheckSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        SelfCheckSettings settings = SelfCheckSettings.load();
        int exit = new SelfCheck(settings).run();
        System.exit(exit);
    }

    private int run() {
        long started = System.nanoTime();
        clean(settings.output());
        SelfCheckReport report = new SelfCheckReport(settings.output());
        int exit;
        if ("flakiness".equals(settings.mode())) {
            exit = flakiness(report);
        } else {
            exit = defects(report);
        }
        report.finish(
                Duration.ofNanos(System.nanoTime() - started),
                settings.allureCommandline(),
                settings.reportDirectory());
        return exit;
    }

    private int defects(SelfCheckReport report) {
        List<SeededDefect> catalogue = SeededDefect.catalogue(settings.catalogue()).stream()
                .filter(defect -> settings.only().isEmpty() || settings.only().contains(defect.id()))
                .toList();
        progress("baseline: the unchanged platform, every selected scenario (they must all pass)");
        Outcome baseline = suite("baseline", settings.features(), Optional.empty(), settings.baselineTags(), List.of());
        Set<String> redInBaseline =
                baseline.red().stream().map(ScenarioResult::name).collect(Collectors.toSet());
        report.baseline(baseline);
        progress(String.format(
                "baseline: %d scenarios, %d red, verdict %s, %.0f s",
                baseline.scenarios().size(),
                redInBaseline.size(),
                baseline.verdict(),
                baseline.took().toMillis() / 1000.0));

        progress("canaries: scenarios that must fail, proving the machinery reports red");
        Outcome canaries = suite("canaries", settings.canaries(), Optional.empty(), "", List.of());
        report.canaries(canaries);
        long canariesGreen = canaries.scenarios().stream()
                .filter(scenario -> !scenario.red())
                .count();
        progress(String.format(
                "canaries: %d of %d red",
                canaries.red().size(), canaries.scenarios().size()));

        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel());
        List<Future<DefectResult>> futures = new ArrayList<>();
        int[] done = {0};
        for (SeededDefect defect : catalogue) {
            futures.add(pool.submit(() -> {
                DefectResult result = seedAndRun(defect, redInBaseline);
                synchronized (done) {
                    done[0]++;
                    progress(String.format(
                            "[%d/%d] %-28s %-9s red: %d  (%.0f s)",
                            done[0],
                            catalogue.size(),
                            defect.id(),
                            result.state(),
                            result.red().size(),
                            result.took().toMillis() / 1000.0));
                }
                return result;
            }));
        }
        List<DefectResult> results = new ArrayList<>();
        for (Future<DefectResult> future : futures) {
            try {
                results.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException("a self-check run crashed", e);
            }
        }
        pool.shutdown();
        report.defects(results);
        long caught = results.stream().filter(DefectResult::caught).count();
        double ratio = results.isEmpty() ? 0 : (double) caught / results.size();
        progress(String.format(
                "kill ratio: %d / %d = %.1f %% (required %.0f %%)",
                caught, results.size(), ratio * 100, settings.minimumKillRatio() * 100));
        boolean ok = redInBaseline.isEmpty()
                && canariesGreen == 0
                && !canaries.scenarios().isEmpty()
                && ratio >= settings.minimumKillRatio();
        if (!redInBaseline.isEmpty()) {
            progress("FAILED: the unchanged platform is not green, so no defect can be judged: " + redInBaseline);
        }
        if (canariesGreen > 0 || canaries.scenarios().isEmpty()) {
            progress("FAILED: a canary did not turn red; the machinery cannot be trusted to report failure");
        }
        return ok ? 0 : 1;
    }

    private DefectResult seedAndRun(SeededDefect defect, Set<String> redInBaseline) {
        Path scratch = settings.output().resolve("defects").resolve(defect.id());
        Path overlay;
        try {
            overlay = DefectOverlay.build(defect, settings.projectDirectory(), scratch, classpath);
        } catch (DefectOverlay.CannotSeed e) {
            return DefectResult.cannotSeed(defect, e.getMessage());
        }
        Outcome outcome =
                suite(defect.id(), settings.features(), Optional.of(overlay), defect.run(), defect.expectedCatchers());
        List<ScenarioResult> red = outcome.red().stream()
                .filter(scenario -> !redInBaseline.contains(scenario.name()))
                .toList();
        return DefectResult.of(defect, outcome, red);
    }

    private int flakiness(SelfCheckReport report) {
        Map<String, List<String>> failures = new TreeMap<>();
        Map<String, List<String>> notJudged = new TreeMap<>();
        Map<String, Integer> runsOf = new TreeMap<>();
        List<String> runs = new ArrayList<>();
        if (settings.hog() > 0) {
            progress("every run competes with " + settings.hog()
                    + " busy-loop process(es) started by the self-check (a CPU hog)");
        }
        for (int i = 1; i <= settings.runs(); i++) {
            Outcome outcome;
            try (CpuHog hog = CpuHog.start(settings.hog())) {
                outcome = suite("run-" + i, settings.features(), Optional.empty(), settings.baselineTags(), List.of());
            }
            for (ScenarioResult scenario : outcome.scenarios()) {
                runsOf.merge(scenario.name(), 1, Integer::sum);
                if (scenario.red()) {
                    failures.computeIfAbsent(scenario.name(), name -> new ArrayList<>())
                            .add("run " + i + ": " + firstLine(scenario.message()));
                } else if (scenario.notJudged()) {
                    notJudged
                            .computeIfAbsent(scenario.name(), name -> new ArrayList<>())
                            .add("run " + i + ": " + firstLine(scenario.message()));
                }
            }
            long undecided = outcome.scenarios().stream()
                    .filter(ScenarioResult::notJudged)
                    .count();
            String line = String.format(
                    "run %d/%d: %d scenarios, %d red, %d not judged (machine disturbed), verdict %s, %.0f s; machine: %s",
                    i,
                    settings.runs(),
                    outcome.scenarios().size(),
                    outcome.red().size(),
                    undecided,
                    outcome.verdict(),
                    outcome.took().toMillis() / 1000.0,
                    outcome.machine());
            runs.add(line);
            progress(line);
        }
        report.flakiness(settings.runs(), runsOf, failures);
        report.notJudged(settings.hog(), runs, notJudged);
        progress(String.format(
                "flaky scenarios: %d of %d over %d runs", failures.size(), runsOf.size(), settings.runs()));
        return failures.isEmpty() ? 0 : 1;
    }

    private Outcome suite(String name, Path features, Optional<Path> overlay, String tags, List<String> names) {
        return SuiteRun.run(
                settings.output().resolve("runs").resolve(name),
                features,
                overlay,
                tags,
                names,
                classpath,
                settings.glue(),
                settings.passedOn(),
                settings.runTimeout());
    }

    /** The head of a failure message on one line: AssertJ puts the description and the figures on separate lines. */
    static String firstLine(String message) {
        String line = message == null
                ? ""
                : String.join(
                        " ",
                        message.strip()
                                .lines()
                                .map(String::strip)
                                .filter(l -> !l.isEmpty())
                                .limit(4)
                                .toList());
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void progress(String line) {
        System.out.println("[self-check] " + line);
    }

    private static void clean(Path output) {
        if (!Files.exists(output)) {
            return;
        }
        try (Stream<Path> files = Files.walk(output)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a seeded defect did to the suite. */
    record DefectResult(
            SeededDefect defect,
            String state,
            List<ScenarioResult> red,
            boolean namesCause,
            String verdict,
            Duration took,
            String note) {

        static DefectResult cannotSeed(SeededDefect defect, String why) {
            return new DefectResult(defect, "NOT SEEDED", List.of(), false, "none", Duration.ZERO, why);
        }

        static DefectResult of(SeededDefect defect, Outcome outcome, List<ScenarioResult> red) {
            boolean namesCause = red.stream().anyMatch(scenario -> !Symptoms.isSymptom(scenario.message()));
            String state = red.isEmpty() ? "SURVIVED" : "CAUGHT";
            List<String> missed = defect.expectedCatchers().stream()
                    .filter(expected -> red.stream()
                            .noneMatch(scenario -> java.util.regex.Pattern.compile(expected)
                                    .matcher(scenario.name())
                                    .find()))
                    .toList();
            String note = missed.isEmpty() ? "" : "expected but stayed green: " + String.join("; ", missed);
            return new DefectResult(defect, state, red, namesCause, outcome.verdict(), outcome.took(), note);
        }

        boolean caught() {
            return "CAUGHT".equals(state);
        }
    }

    /** Messages that describe a symptom (a timeout, a refused connection) rather than the broken behaviour. */
    static final class Symptoms {
        private static final List<String> MARKERS = List.of(
                "waited ",
                "timed out",
                "timeout",
                "conditiontimeout",
                "connection refused",
                "nullpointerexception",
                "did not report ready");

        private Symptoms() {}

        static boolean isSymptom(String message) {
            String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
            return text.isBlank() || MARKERS.stream().anyMatch(text::contains);
        }
    }

    /**
     * The self-check's settings, read like the suite's (system property, environment variable, the suite's
     * proofgate.properties, default). The suite names its glue package ({@code proofgate.selfcheck.glue}), its
     * catalogue of seeded defects, its canaries and its scratch folder, the paths relative to the project folder.
     */
    record SelfCheckSettings(
            String mode,
            int runs,
            int hog,
            int parallel,
            List<String> only,
            double minimumKillRatio,
            Path projectDirectory,
            String glue,
            Path catalogue,
            Path canaries,
            Path features,
            Path output,
            Path reportDirectory,
            String baselineTags,
            Duration runTimeout,
            List<String> passedOn,
            Optional<String> allureCommandline) {

        static SelfCheckSettings load() {
            Path project = Path.of(value("proofgate.project.dir", "."))
                    .toAbsolutePath()
                    .normalize();
            String mode = value("proofgate.selfcheck.mode", "defects").toLowerCase(Locale.ROOT);
            if (!List.of("defects", "flakiness").contains(mode)) {
                throw new IllegalArgumentException(
                        "proofgate.selfcheck.mode must be defects or flakiness; got '" + mode + "'");
            }
            String glue = value("proofgate.selfcheck.glue", "");
            if (glue.isEmpty()) {
                throw new IllegalArgumentException(
                        "proofgate.selfcheck.glue must name the package of the suite's step definitions");
            }
            List<String> passedOn = System.getProperties().stringPropertyNames().stream()
                    .filter(name -> name.startsWith("proofgate.")
                            && !name.startsWith("proofgate.selfcheck.")
                            && !name.equals("proofgate.project.dir"))
                    .sorted()
                    .map(name -> name + "=" + System.getProperty(name))
                    .toList();
            return new SelfCheckSettings(
                    mode,
                    Integer.parseInt(value("proofgate.selfcheck.runs", "5")),
                    Integer.parseInt(value("proofgate.selfcheck.hog", "0")),
                    Integer.parseInt(value("proofgate.selfcheck.parallel", "1")),
                    Stream.of(value("proofgate.selfcheck.only", "").split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList(),
                    Double.parseDouble(value("proofgate.selfcheck.min.kill.ratio", "0.95")),
                    project,
                    glue,
                    project.resolve(value("proofgate.selfcheck.catalogue", "self-check/defects.json")),
                    project.resolve(value("proofgate.selfcheck.canaries", "self-check/canaries")),
                    project.resolve("features"),
                    project.resolve(value("proofgate.selfcheck.output", "target/self-check")),
                    project.resolve("self-check-report"),
                    value("proofgate.selfcheck.tags", ""),
                    Duration.ofMinutes(Long.parseLong(value("proofgate.selfcheck.run.timeout.minutes", "15"))),
                    passedOn,
                    Optional.ofNullable(System.getProperty("allure.commandline")));
        }

        private static String value(String property, String fallback) {
            return Settings.value(property, fallback);
        }
    }
}

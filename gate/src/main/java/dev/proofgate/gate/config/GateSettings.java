package dev.proofgate.gate.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The gate's own settings, read as {@link Settings} says; the table is in README.md. The settings of
 * the system under test (where it runs, its keys) belong to the suite that proves it; the machine meter's
 * thresholds are read by the machine package (Disturbance.Thresholds.configured()).
 *
 * @param areas the area folders under features/, in order; by default every folder there
 * @param evidenceAreas areas whose passing scenarios must attach evidence, or count as not run
 * @param checklistAreas areas whose features are checklists, each scenario one line
 * @param lossIsFindingTags tags of scenarios that take the system down themselves: there, a system that
 *     cannot be reached afterwards is a product finding, not an environment problem
 * @param verdictDirectory where verdict.json and verdict.md are written
 */
public record GateSettings(
        Path projectDirectory,
        List<String> areas,
        List<String> requiredAreas,
        List<String> evidenceAreas,
        List<String> checklistAreas,
        List<String> lossIsFindingTags,
        Path verdictDirectory,
        String gate,
        String runId,
        String console) {

    /** The run id when no build gave one (a run from the IDE): one per JVM, so every part of the run agrees. */
    private static final String LOCAL_RUN_ID = "local-" + UUID.randomUUID();

    public static GateSettings load() {
        Path project = findProjectDirectory();
        List<String> areas = Settings.list("proofgate.areas");
        return new GateSettings(
                project,
                areas.isEmpty() ? foldersUnder(project.resolve("features")) : areas,
                Settings.list("proofgate.required.areas"),
                Settings.list("proofgate.evidence.areas"),
                Settings.list("proofgate.checklist.areas"),
                Settings.list("proofgate.loss.is.finding.tags"),
                verdictDirectoryIn(project),
                Settings.choice("proofgate.gate", "off", "off", "no-go", "inconclusive"),
                Settings.value("proofgate.run.id", LOCAL_RUN_ID),
                Settings.choice("proofgate.console", "all", "all", "failures"));
    }

    /** {@code -Dproofgate.console=failures}: the console lists only scenarios that did not pass (and why), then the verdict. */
    public boolean consoleShowsFailuresOnly() {
        return "failures".equals(console);
    }

    /** Where a run in {@code project} writes verdict.json: {@code proofgate.verdict.dir}, relative to the project folder. */
    public static Path verdictDirectoryIn(Path project) {
        return project.resolve(Settings.value("proofgate.verdict.dir", "target/readiness"));
    }

    public Path resultsDirectory() {
        return projectDirectory.resolve("allure-results");
    }

    public Path reportDirectory() {
        return projectDirectory.resolve("readiness-report");
    }

    /** The folder holding features/ and allure-results/: given, or found by walking up from the working directory. */
    private static Path findProjectDirectory() {
        Optional<String> given = Settings.optional("proofgate.project.dir");
        if (given.isPresent()) {
            return Path.of(given.get()).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("features"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    private static List<String> foldersUnder(Path features) {
        if (!Files.isDirectory(features)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(features)) {
            return children.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the areas under " + features, e);
        }
    }
}

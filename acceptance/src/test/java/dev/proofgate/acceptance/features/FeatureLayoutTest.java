package dev.proofgate.acceptance.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.gate.config.GateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions product owners follow in features/, checked so a slip shows up in `mvn test`
 * rather than as a quietly mislabelled line in the readiness report.
 */
class FeatureLayoutTest {

    private final Path features = SuiteSettings.load().projectDirectory().resolve("features");
    /** The areas the verdict knows (proofgate.areas in proofgate.properties). */
    private final List<String> areas = GateSettings.load().areas();

    @Test
    void everyCapabilityFolderHasAReadme() {
        for (String area : areas) {
            assertThat(features.resolve(area).resolve("readme.md"))
                    .as("readme of %s", area)
                    .exists();
        }
    }

    @Test
    void everyFeatureSitsInAnAreaAndTagsItself() throws IOException {
        for (Path feature : featureFiles()) {
            String area = feature.getParent().getFileName().toString();
            assertThat(areas).as("folder of %s", feature).contains(area);
            List<String> lines = Files.readAllLines(feature);
            int featureLine = indexOf(lines, "Feature:");
            assertThat(String.join(" ", lines.subList(0, featureLine)))
                    .as("tags above Feature: in %s", feature)
                    .contains("@area=" + area);
        }
    }

    @Test
    void everyScenarioHasOneSeverityAndAUniqueName() throws IOException {
        Set<String> names = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path feature : featureFiles()) {
            List<String> lines = Files.readAllLines(feature);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("Scenario:") || line.startsWith("Scenario Outline:")) {
                    String name = line.substring(line.indexOf(':') + 1).trim();
                    String tags = i > 0 ? lines.get(i - 1).trim() : "";
                    long severities = Stream.of(tags.split("\\s+"))
                            .filter(tag -> tag.matches("@severity=(blocker|critical|normal|minor|trivial)"))
                            .count();
                    if (severities != 1) {
                        problems.add(feature.getFileName() + ":" + (i + 1) + " '" + name + "' has " + severities
                                + " severity tags");
                    }
                    if (!names.add(name)) {
                        problems.add(feature.getFileName() + ":" + (i + 1) + " '" + name
                                + "' is not a unique scenario name");
                    }
                }
            }
        }
        assertThat(problems)
                .as("scenarios breaking the conventions of features/readme.md")
                .isEmpty();
    }

    private List<Path> featureFiles() throws IOException {
        try (Stream<Path> files = Files.walk(features)) {
            List<Path> found = files.filter(path -> path.toString().endsWith(".feature"))
                    .sorted()
                    .toList();
            assertThat(found).as("feature files under %s", features).isNotEmpty();
            return found;
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no '" + prefix + "' line");
    }
}

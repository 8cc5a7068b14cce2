package dev.proofgate.gate.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a scenario sits in the features tree: its area (the capability folder under features/) and
 * the Rule it belongs to, found by reading the feature source above the scenario's line.
 */
public final class ScenarioPlace {

    private ScenarioPlace() {}

    /** The capability folder of a feature file, or "unfiled" for a feature outside the known {@code areas}. */
    public static String area(URI featureUri, List<String> areas) {
        String path = featureUri.getSchemeSpecificPart().replace('\\', '/');
        Path folder = Path.of(path).getParent();
        String name = folder == null ? "" : folder.getFileName().toString();
        return areas.contains(name) ? name : "unfiled";
    }

    /** The name of the Rule that holds the line, or null when the scenario is not inside a Rule. */
    public static String rule(String featureSource, int line) {
        String[] lines = featureSource.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String text = lines[i].trim();
            if (text.startsWith("Rule:")) {
                return text.substring("Rule:".length()).trim();
            }
            if (text.startsWith("Feature:")) {
                return null;
            }
        }
        return null;
    }
}

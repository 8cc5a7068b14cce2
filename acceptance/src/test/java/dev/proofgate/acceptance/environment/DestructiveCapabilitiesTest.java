package dev.proofgate.acceptance.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.config.SuiteSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The destructive capabilities are listed once, in {@link Capability}; the exclusive locks of a parallel
 * run and the tag guide product owners read are held to that list here.
 */
class DestructiveCapabilitiesTest {

    private static final String LOCK_PREFIX = "cucumber.execution.exclusive-resources.requires=";

    @Test
    void everyDestructiveCapabilityAndOnlyThoseHoldThePlatformExclusively() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            properties.load(in);
        }
        Set<String> exclusive = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(LOCK_PREFIX)) {
                String rest = key.substring(LOCK_PREFIX.length());
                String tag = rest.substring(0, rest.lastIndexOf('.'));
                (rest.endsWith(".read-write") ? exclusive : shared).add(tag);
                assertThat(properties.getProperty(key)).as(key).isEqualTo("platform");
            }
        }
        assertThat(exclusive)
                .as("capabilities locked read-write in junit-platform.properties")
                .containsExactlyInAnyOrderElementsOf(Capability.destructiveOnes().stream()
                        .map(Capability::tag)
                        .toList());
        assertThat(shared)
                .as("capabilities locked read-only in junit-platform.properties")
                .isEmpty();
    }

    @Test
    void theTagGuideNamesEveryDestructiveCapability() throws IOException {
        String guide = Files.readString(
                SuiteSettings.load().projectDirectory().resolve("features").resolve("readme.md"));
        String line = Capability.destructiveOnes().stream()
                .map(Capability::tag)
                .reduce((a, b) -> a + "|" + b)
                .map(tags -> "`@requires=" + tags + "`")
                .orElseThrow();
        assertThat(guide)
                .as("features/readme.md names the destructive capabilities as %s", line)
                .contains(line);
    }
}

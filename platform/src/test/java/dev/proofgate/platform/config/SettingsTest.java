package dev.proofgate.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theCatalogueListsEverySettingTheReaderReadsAndTheReadmeDocumentsThem() throws Exception {
        List<Map<String, Object>> catalogue = Settings.catalogue();
        List<String> names =
                catalogue.stream().map(setting -> (String) setting.get("name")).toList();
        assertThat(names)
                .contains("PROOFGATE_PORT", "PROOFGATE_DB_URL", "PROOFGATE_PYTHON", "PROOFGATE_AUTH_FAILURE_LIMIT")
                .doesNotHaveDuplicates();
        String readme = Files.readString(Path.of("README.md"));
        for (String name : names) {
            assertThat(readme).as("platform/README.md documents %s", name).contains("`" + name + "`");
        }
        assertThat(catalogue)
                .filteredOn(setting -> "integer".equals(setting.get("kind")))
                .allSatisfy(setting -> assertThat(setting).containsKeys("minimum", "maximum"));
    }

    @Test
    void aMissingPythonInterpreterStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> Settings.from(
                        Map.of("PROOFGATE_PYTHON", "/nonexistent/python3", "PROOFGATE_BRIDGE_WORKERS", "1")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PROOFGATE_PYTHON");
        assertThat(Settings.from(Map.of("PROOFGATE_PYTHON", "/nonexistent/python3", "PROOFGATE_BRIDGE_WORKERS", "0"))
                        .python())
                .as("no workers, no interpreter needed")
                .isEqualTo("/nonexistent/python3");
    }

    @Test
    void aDataDirectoryThatIsAFileStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> Settings.from(Map.of("PROOFGATE_DATA_DIR", "/dev/null")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PROOFGATE_DATA_DIR");
    }

    @Test
    void aKeyMayCarryARateLimitOfItsOwnAndABadOneStopsStartUpNamingTheSetting() {
        Settings settings = Settings.from(
                Map.of("PROOFGATE_API_KEYS", "main-key-123,partner-key-456:50", "PROOFGATE_RATE_LIMIT", "300"));
        assertThat(settings.apiKeys()).containsExactly("main-key-123", "partner-key-456");
        assertThat(settings.rateLimitOf("partner-key-456")).isEqualTo(50);
        assertThat(settings.rateLimitOf("main-key-123")).isEqualTo(300);
        for (String bad : List.of("partner-key-456:0", "partner-key-456:fast", "partner-key-456:", "short:50")) {
            assertThatThrownBy(() -> Settings.from(Map.of("PROOFGATE_API_KEYS", bad)))
                    .as(bad)
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("PROOFGATE_API_KEYS");
        }
    }
}

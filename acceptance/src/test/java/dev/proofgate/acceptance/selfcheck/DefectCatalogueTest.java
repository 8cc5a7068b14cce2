package dev.proofgate.acceptance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.gate.config.GateSettings;
import dev.proofgate.gate.selfcheck.SeededDefect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The self-check's catalogue stays applicable as the platform's code moves: every defect's edit finds its
 * text exactly once. Otherwise a moved line would be learnt of only in a self-check run, as a defect it
 * cannot seed.
 */
class DefectCatalogueTest {

    private final Path project = GateSettings.load().projectDirectory();
    private final List<SeededDefect> catalogue =
            SeededDefect.catalogue(project.resolve("acceptance/src/test/resources/self-check/defects.json"));

    @Test
    void everyEditFindsItsTextExactlyOnce() throws IOException {
        assertThat(catalogue).isNotEmpty();
        for (SeededDefect defect : catalogue) {
            Path file = project.resolve(defect.file());
            assertThat(file).as("the file of defect %s", defect.id()).exists();
            String source = Files.readString(file);
            int first = source.indexOf(defect.find());
            assertThat(first)
                    .as("defect %s: the text to change in %s", defect.id(), defect.file())
                    .isNotNegative();
            assertThat(source.indexOf(defect.find(), first + 1))
                    .as("defect %s: the text to change occurs once in %s", defect.id(), defect.file())
                    .isNegative();
        }
    }
}

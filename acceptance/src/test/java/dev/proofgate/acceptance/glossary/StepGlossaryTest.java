package dev.proofgate.acceptance.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.gate.glossary.StepGlossary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * features/STEPS.md is generated from the step definitions; this test fails as soon as a step is added,
 * changed or removed without regenerating it, and regenerates it with -Dproofgate.glossary.write=true.
 */
class StepGlossaryTest {

    static final String REGENERATE = "mvn -q -pl acceptance -am test -Dplatform.tests.skip=true "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtest=StepGlossaryTest -Dproofgate.glossary.write=true";
    /** The suite's step definitions: every class under dev.proofgate.acceptance in the compiled test classes. */
    static final StepGlossary.Glue GLUE =
            new StepGlossary.Glue("dev.proofgate.acceptance", StepGlossaryTest.class, REGENERATE);

    private final Path project = SuiteSettings.load().projectDirectory();
    private final Path committed = project.resolve("features/STEPS.md");

    @Test
    void committedGlossaryListsTodaysSteps() throws IOException {
        String current = StepGlossary.read(
                        project.resolve("features"), project.resolve("acceptance/src/test/java"), GLUE)
                .markdown();
        if (Boolean.getBoolean("proofgate.glossary.write")) {
            Files.writeString(committed, current);
        }
        assertThat(committed).as("features/STEPS.md").exists();
        assertThat(Files.readString(committed))
                .as(
                        "features/STEPS.md is out of date with the step definitions; regenerate it with:%n  %s%n",
                        REGENERATE)
                .isEqualTo(current);
    }

    @Test
    void everyStepDefinitionIsListedWithAnExampleAndItsFeatures() {
        StepGlossary glossary =
                StepGlossary.read(project.resolve("features"), project.resolve("acceptance/src/test/java"), GLUE);
        assertThat(glossary.steps()).as("steps found in the glue").hasSizeGreaterThanOrEqualTo(47);
        StepGlossary.Step offered = glossary.steps().stream()
                .filter(step -> step.expression().equals("the adapters {string} and {string} are offered"))
                .findFirst()
                .orElseThrow();
        assertThat(offered.domain()).isEqualTo("Adapter");
        assertThat(offered.keyword()).isEqualTo("Then");
        assertThat(offered.examples())
                .as("examples taken from the feature that uses the step")
                .containsExactly("\"native\"", "\"python_port\"");
        assertThat(offered.usedIn()).containsOnlyKeys("contracts/adapter_registry.feature");
        assertThat(glossary.markdown())
                .contains(
                        "## Adapter",
                        "| Then `the adapters {string} and {string} are offered` | "
                                + "text in double quotes: `\"native\"`; text in double quotes: `\"python_port\"` | contracts/adapter_registry.feature |");
    }
}

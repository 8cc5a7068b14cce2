package dev.proofgate.verdictfixture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.environment.Capability;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

/**
 * Steps with known outcomes for the verdict's own tests (VerdictRunTest). Kept outside the suite's
 * glue package so the readiness suite never loads them.
 */
public final class FixtureSteps {

    /**
     * As the suite's own hook: an unknown capability is a suite defect; the fixture environment offers
     * only the capabilities a test names in {@code proofgate.fixture.capabilities} (none by default).
     */
    @Before
    public void requireCapabilities(Scenario scenario) {
        java.util.List<String> offered = java.util.List.of(System.getProperty("proofgate.fixture.capabilities", "").split(","));
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@requires=")) {
                Capability capability = Capability.fromTag(tag.substring("@requires=".length()));
                if (!offered.contains(capability.tag())) {
                    throw new TestAbortedException("not run: the fixture environment cannot " + capability.tag());
                }
            }
        }
    }

    @Given("a step that passes")
    public void aStepThatPasses() {
        // the outcome under test is "passed" with nothing measured: nothing to do is the point of this step
    }

    @Given("a step that measures {string}")
    public void aStepThatMeasures(String figure) {
        Allure.addAttachment("measured", "text/plain", figure, ".txt");
        assertThat(figure).as("measured figure").isNotBlank();
    }

    @Given("a step that attaches evidence")
    public void aStepThatAttachesEvidence() {
        io.qameta.allure.Allure.addAttachment("measured", "text/plain", "42 answers in 1 s");
    }

    @Given("a step that fails because {string}")
    public void aStepThatFails(String reason) {
        throw new AssertionError(reason);
    }

    @Given("a limit of {double} is expected and {double} is named")
    public void aLimitIsExpected(double expected, double named) {
        assertThat(named).as("limit named by the rejection").isEqualTo(expected);
    }

    @Given("a step the environment cannot run")
    public void aStepTheEnvironmentCannotRun() {
        throw new TestAbortedException("not run: the fixture environment cannot kill-worker");
    }
}

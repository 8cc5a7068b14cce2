package dev.proofgate.verdictfixture;

import io.cucumber.java.en.Given;
import org.opentest4j.TestAbortedException;

/**
 * Steps with known outcomes for the verdict's own tests (VerdictRunTest). Kept outside the suite's
 * glue package so the readiness suite never loads them.
 */
public final class FixtureSteps {

    @Given("a step that passes")
    public void aStepThatPasses() {
        // the outcome under test is "passed": nothing to do is the point of this step
    }

    @Given("a step that attaches evidence")
    public void aStepThatAttachesEvidence() {
        io.qameta.allure.Allure.addAttachment("measured", "text/plain", "42 answers in 1 s");
    }

    @Given("a step that fails because {string}")
    public void aStepThatFails(String reason) {
        throw new AssertionError(reason);
    }

    @Given("a step the environment cannot run")
    public void aStepTheEnvironmentCannotRun() {
        throw new TestAbortedException("not run: the fixture environment cannot kill-worker");
    }
}

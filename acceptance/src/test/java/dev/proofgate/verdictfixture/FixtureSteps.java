package dev.proofgate.verdictfixture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.rest.RawHttp;
import dev.proofgate.acceptance.environment.Capability;
import dev.proofgate.gate.machine.Disturbance;
import dev.proofgate.gate.machine.MachineMeter;
import dev.proofgate.gate.machine.TimedJudgement;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        java.util.List<String> offered = java.util.List.of(
                System.getProperty("proofgate.fixture.capabilities", "").split(","));
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

    @Given("a restart took {int} ms and then {int} ms against {int} ms while other work took {int} % of the CPU")
    public void aRestartMeasuredTwice(int first, int second, int budget, int foreignCpu) {
        assertThat(judgedRestart(first, second, budget, foreignCpu))
                .as("ready after the restart, in ms")
                .isLessThanOrEqualTo(budget);
    }

    @Given("a restart took {int} ms against {int} ms while other work took {int} % of the CPU")
    public void aRestartMeasuredOnce(int took, int budget, int foreignCpu) {
        assertThat(judgedRestart(took, took, budget, foreignCpu))
                .as("ready after the restart, in ms")
                .isLessThanOrEqualTo(budget);
    }

    private static int judgedRestart(int first, int second, int budget, int foreignCpu) {
        return TimedJudgement.judge(
                "ready after the restart",
                measured(first, foreignCpu),
                () -> measured(second, foreignCpu),
                ms -> ms > budget,
                ms -> ms + " ms, budget " + budget + " ms");
    }

    private static TimedJudgement.Measured<Integer> measured(int millis, int foreignCpu) {
        Disturbance.Thresholds thresholds = MachineMeter.get().thresholds();
        return new TimedJudgement.Measured<>(
                millis,
                new Disturbance(
                        Duration.ofMillis(millis),
                        2,
                        true,
                        foreignCpu,
                        0,
                        30,
                        2,
                        9,
                        0.5,
                        2.5,
                        thresholds,
                        List.of(
                                new Disturbance.Point(0, foreignCpu, 2),
                                new Disturbance.Point(millis, foreignCpu, 9))));
    }

    /** A checklist line's raw request to a platform that is no longer listening (a port nobody holds). */
    @Given("a step that asks a platform that has stopped")
    public void aStepThatAsksAStoppedPlatform() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        HttpAnswer answer = new RawHttp("http://localhost:" + port).get("/health/ready", Map.of());
        assertThat(answer.status()).as("readiness status: %s", answer.summary()).isEqualTo(200);
    }

    @Given("a step the environment cannot run")
    public void aStepTheEnvironmentCannotRun() {
        throw new TestAbortedException("not run: the fixture environment cannot kill-worker");
    }
}

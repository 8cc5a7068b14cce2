package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.BridgeDriver;
import dev.proofgate.acceptance.workflows.ReasoningChain;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The wire protocol, spoken directly to a Python worker. */
public final class BridgeSteps {

    private final ReadinessWorld world;

    public BridgeSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a bridge worker started for the suite")
    public void aBridgeWorkerStartedForTheSuite() {
        world.bridge();
    }

    @When("the worker is asked for its health")
    public void theWorkerIsAskedForItsHealth() {
        world.reply(world.bridge().request("health_check", null, false));
    }

    @When("the worker is asked for its health in a compressed frame")
    public void theWorkerIsAskedForItsHealthCompressed() {
        world.reply(world.bridge().request("health_check", null, true));
    }

    @When("the worker is asked to answer {string} with a reasoning signature")
    public void theWorkerIsAskedToAnswer(String question) {
        world.reply(world.bridge()
                .execute(
                        "signature bridge_reasoning: :string question -> :string answer, :reasoning_chain reasoning, :confidence_score confidence",
                        Map.of("question", question)));
    }

    @When("the worker is asked to {string}")
    public void theWorkerIsAskedTo(String command) {
        world.reply(world.bridge().request(command, null, false));
    }

    @When("the worker is sent a frame that is not JSON")
    public void theWorkerIsSentAFrameThatIsNotJson() {
        world.reply(world.bridge().sendPayload("{this is not json".getBytes(StandardCharsets.UTF_8)));
    }

    @When("the worker is sent a frame one byte over its size limit")
    public void theWorkerIsSentAnOversizedFrame() {
        byte[] payload = new byte[world.bridge().maxFrameBytes()];
        java.util.Arrays.fill(payload, (byte) ' ');
        world.reply(world.bridge().sendPayload(payload));
    }

    @Then("the worker reports status {string} on protocol version {int} with its process id and uptime")
    public void theWorkerReportsItsHealth(String status, int version) {
        BridgeDriver.WorkerHealth health = successful().health();
        assertThat(health.status()).as("health status").isEqualTo(status);
        assertThat(health.protocolVersion()).as("protocol version").isEqualTo(version);
        assertThat(health.pid()).as("process id").isNotNull().isPositive();
        assertThat(health.uptimeSeconds()).as("uptime in seconds").isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(health.countsRequests()).as("requests served is counted").isTrue();
    }

    @Then("the worker answers with an answer, a reasoning chain and a confidence")
    public void theWorkerAnswers() {
        BridgeDriver.Reply reply = successful();
        assertThat(reply.text("answer")).as("answer").isNotBlank();
        assertThat(ReasoningChain.of(reply.output("reasoning")).steps())
                .as("steps of the reasoning chain")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(reply.number("confidence", -1)).as("confidence").isBetween(0.0, 1.0);
    }

    @Then("the worker refuses it as {string}")
    public void theWorkerRefusesItAs(String errorType) {
        BridgeDriver.Reply reply = examined();
        assertThat(reply.ok())
                .as("the worker refused the frame (it answered %s)", reply.result())
                .isFalse();
        assertThat(reply.errorType())
                .as("error type (%s)", reply.errorMessage())
                .isEqualTo(errorType);
        assertThat(reply.errorMessage()).as("error message").isNotBlank();
    }

    @Then("the worker still answers a health check")
    public void theWorkerStillAnswers() {
        theWorkerIsAskedForItsHealth();
        assertThat(successful().health().status())
                .as("health after the refusal")
                .isEqualTo("ok");
    }

    /** The reply this step decides on, attached to this step. */
    private BridgeDriver.Reply examined() {
        BridgeDriver.Reply reply = world.reply();
        Evidence.text(
                "worker reply examined",
                reply.ok() ? "ok: " + reply.result() : "refused: " + reply.errorType() + " - " + reply.errorMessage());
        return reply;
    }

    private BridgeDriver.Reply successful() {
        BridgeDriver.Reply reply = examined();
        assertThat(reply.ok())
                .as("the worker answered without error (%s: %s)", reply.errorType(), reply.errorMessage())
                .isTrue();
        return reply;
    }
}

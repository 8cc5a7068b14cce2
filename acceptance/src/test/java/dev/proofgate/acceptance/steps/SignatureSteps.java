package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Teams declaring what their models take and give. */
public final class SignatureSteps {

    private final ReadinessWorld world;

    public SignatureSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a question answering signature")
    public void aQuestionAnsweringSignature() {
        declare("signature " + world.uniqueName("question_answering") + ": :string question -> :string answer", null);
    }

    @Given("a question answering signature that needs questions of at least {int} characters")
    public void aQuestionAnsweringSignatureWithMinimumLength(int minLength) {
        declare(
                "signature " + world.uniqueName("question_answering") + ": :string question -> :string answer",
                minimumLength("question", minLength));
    }

    @Given("a multi-step reasoning signature")
    public void aMultiStepReasoningSignature() {
        declare(
                "signature " + world.uniqueName("multi_step_reasoning") + ":\n  :string question\n"
                        + "  -> :reasoning_chain reasoning, :string conclusion, :confidence_score confidence",
                null);
    }

    @Given("a signature whose outputs use every type")
    public void aSignatureWhoseOutputsUseEveryType() {
        declare(
                "signature " + world.uniqueName("every_output")
                        + ": :string question -> :string answer, :integer count, "
                        + ":float score, :boolean verified, :map facts, :list(:optional(:integer)) ranks, :optional(:string) note, "
                        + ":confidence_score confidence, :reasoning_chain reasoning",
                null);
    }

    @When("a team declares a signature with a mistake on its second line:")
    public void aTeamDeclaresASignatureWithAMistake(String definition) {
        world.rejection(world.signatures().declare(definition, null).rejectionOrFail("the malformed signature"), null);
    }

    @Then("the signature is rejected as a syntax error at line {int}, column {int}")
    public void theSignatureIsRejectedAsASyntaxError(int line, int column) {
        Rejection rejection = world.rejection();
        assertThat(rejection.reason()).as("reason of the rejection").isEqualTo("syntax_error");
        assertThat(rejection.line()).as("line named by the rejection").isEqualTo(Integer.toString(line));
        assertThat(rejection.column()).as("column named by the rejection").isEqualTo(Integer.toString(column));
        assertThat(rejection.expected())
                .as("what the rejection says was expected")
                .isNotBlank();
    }

    @Then("no signature named {string} was stored")
    public void noSignatureNamedWasStored(String name) {
        assertThat(world.database().signaturesNamed(name))
                .as("signatures named '%s' in the database", name)
                .isZero();
        assertThat(world.signatures().findByName(name).wasAccepted())
                .as("the platform finds a signature named '%s'", name)
                .isFalse();
    }

    private static Map<String, Object> minimumLength(String field, int minLength) {
        return Map.of(field, Map.of("minLength", minLength));
    }

    private void declare(String definition, Map<String, ?> constraints) {
        world.signature(world.signatures().declare(definition, constraints).orFail("declaring the signature"));
    }
}

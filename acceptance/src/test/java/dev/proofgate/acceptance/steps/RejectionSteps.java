package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Then;
import java.math.BigDecimal;

/** What the platform says when it turns a request away. */
public final class RejectionSteps {

    private final ReadinessWorld world;

    public RejectionSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Then("^the request is rejected because \"([^\"]*)\" must be an? (\\S+), not an? (\\S+)$")
    public void rejectedForAWrongType(String field, String expected, String actual) {
        Rejection rejection = world.rejection();
        assertThat(rejection.reason())
                .as("reason of the rejection (%s)", rejection.message())
                .isEqualTo("validation_error");
        assertThat(rejection.field()).as("field named by the rejection").isEqualTo(field);
        assertThat(rejection.expected()).as("type the rejection expected").isEqualTo(expected);
        assertThat(rejection.actual()).as("type the rejection says was sent").isEqualTo(actual);
    }

    @Then("the request is rejected because {string} breaks its {word} of {int}")
    public void rejectedForABrokenConstraint(String field, String constraint, int limit) {
        assertConstraintViolation(world.rejection(), field, constraint, BigDecimal.valueOf(limit));
    }

    /** The rejection is a constraint violation naming the field, the constraint and its limit. */
    static void assertConstraintViolation(Rejection rejection, String field, String constraint, BigDecimal limit) {
        assertThat(rejection.reason())
                .as("reason of the rejection (%s)", rejection.message())
                .isEqualTo("constraint_violation");
        assertThat(rejection.field()).as("field named by the rejection").isEqualTo(field);
        assertThat(rejection.constraint())
                .as("constraint named by the rejection")
                .isEqualTo(constraint);
        assertThat(rejection.limit()).as("limit named by the rejection").isEqualByComparingTo(limit);
    }

    @Then("the request is rejected because the program is unknown")
    public void rejectedForAnUnknownProgram() {
        Rejection rejection = world.rejection();
        assertThat(rejection.reason())
                .as("reason of the rejection (%s)", rejection.message())
                .isEqualTo("not_found");
        assertThat(rejection.resource())
                .as("what the rejection says is missing")
                .isEqualTo("program");
        assertThat(rejection.id()).as("id the rejection names").isEqualTo(world.rejectedProgramId());
    }
}

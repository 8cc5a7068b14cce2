package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.contracts.Documents;
import dev.proofgate.acceptance.contracts.LimitProbe;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A declared limit tried at the limit itself, one step inside and one step outside. */
public final class LimitSteps {

    private final ReadinessWorld world;
    private String field;
    private LimitProbe probe;
    private final List<Tried> tried = new ArrayList<>();

    private record Tried(LimitProbe.Attempt attempt, List<String> schemaProblems, Rejection rejection) {}

    public LimitSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("^a signature whose input \"([^\"]+)\" is an? (:\\S+) with a (min|max|minLength|maxLength) of (-?[0-9.]+)$")
    public void aSignatureWithALimitedInput(String field, String type, String limit, String value) {
        this.field = field;
        this.probe = new LimitProbe(type, limit, new BigDecimal(value), null);
        Map<String, Object> constraints = Map.of(field, Map.of(limit, Documents.value(value)));
        String definition =
                "signature " + world.uniqueName("limited") + ": " + type + " " + field + " -> :string answer";
        world.signature(world.signatures()
                .declare(definition, constraints)
                .orFail("declaring a signature with a " + limit + " of " + value));
        world.program(
                "native",
                world.programs()
                        .create(
                                world.uniqueName("limited_native"),
                                world.signature().id(),
                                "native",
                                null)
                        .orFail("creating a program for the limited signature"));
    }

    @When("it is given the limit itself, one step inside and one step outside")
    public void itIsGivenTheLimitAndOneStepEitherSide() {
        tryAttempts();
    }

    @When("it is given texts of those lengths written in {word}")
    public void itIsGivenTextsWrittenIn(String script) {
        probe = new LimitProbe(probe.type(), probe.limit(), probe.value(), script);
        tryAttempts();
    }

    private void tryAttempts() {
        PublishedSchema schema = new PublishedSchema(world.signature().inputSchema());
        String programId = world.program().id();
        for (LimitProbe.Attempt attempt : probe.attempts()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put(field, attempt.value());
            Outcome<Execution> outcome = world.executions().submit(programId, inputs);
            tried.add(new Tried(attempt, schema.problems(inputs), outcome.rejection()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tried t : tried) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", t.attempt().which());
            row.put("given", t.attempt().shown());
            row.put("should be", t.attempt().allowed() ? "accepted" : "rejected");
            row.put(
                    "published schema",
                    t.schemaProblems().isEmpty() ? "accepts" : "rejects: " + String.join("; ", t.schemaProblems()));
            row.put(
                    "platform",
                    t.rejection() == null
                            ? "accepts"
                            : "rejects: " + t.rejection().reason() + " "
                                    + t.rejection().details());
            rows.add(row);
        }
        Evidence.rows(probe.type() + " " + field + " at its " + probe.limit() + " of " + probe.value(), rows);
    }

    @Then("the published input schema and the platform both accept the limit itself and the step inside")
    public void bothAcceptTheLimitAndTheStepInside() {
        for (Tried t : tried) {
            if (t.attempt().allowed()) {
                assertThat(t.schemaProblems())
                        .as(
                                "the published schema's complaints about %s (%s)",
                                t.attempt().which(), t.attempt().shown())
                        .isEmpty();
                assertThat(t.rejection())
                        .as(
                                "the platform's rejection of %s (%s)",
                                t.attempt().which(), t.attempt().shown())
                        .isNull();
            }
        }
    }

    @Then("both reject the step outside, the platform naming the {word} of {bigdecimal}")
    public void bothRejectTheStepOutside(String limit, BigDecimal value) {
        Tried outside =
                tried.stream().filter(t -> !t.attempt().allowed()).findFirst().orElseThrow();
        String given = outside.attempt().shown();
        assertThat(outside.schemaProblems())
                .as("the published schema's complaints about one step outside (%s)", given)
                .isNotEmpty();
        Rejection rejection = outside.rejection();
        assertThat(rejection)
                .as("the platform's rejection of one step outside (%s)", given)
                .isNotNull();
        RejectionSteps.assertConstraintViolation(rejection, field, limit, value);
    }
}

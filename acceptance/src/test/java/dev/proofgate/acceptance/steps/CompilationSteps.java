package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Json;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The compiled form of a signature and the JSON Schemas it publishes. */
public final class CompilationSteps {

    private final ReadinessWorld world;

    public CompilationSteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a team compiles a signature that uses every type:")
    public void aTeamCompilesASignature(String definition) {
        world.compiled(world.signatures().compile(definition, null).orFail("compiling the signature"));
    }

    @Then("the compiled signature has {int} inputs and {int} outputs")
    public void theCompiledSignatureHas(int inputs, int outputs) {
        assertThat(world.compiled().inputs()).as("compiled inputs").hasSize(inputs);
        assertThat(world.compiled().outputs()).as("compiled outputs").hasSize(outputs);
    }

    @Then("the compiled fields are:")
    public void theCompiledFieldsAre(List<Map<String, String>> expected) {
        List<Map<String, String>> actual = new ArrayList<>();
        for (String side : List.of(Signature.INPUT, Signature.OUTPUT)) {
            for (Signature.Field field : world.compiled().fields(side)) {
                actual.add(Map.of(
                        "side",
                        side,
                        "field",
                        field.name(),
                        "type",
                        field.type(),
                        "required",
                        field.required() ? "yes" : "no"));
            }
        }
        assertThat(actual).as("compiled fields, side by side with the table").containsExactlyElementsOf(expected);
    }

    @Then("compiling stored no signature named {string}")
    public void compilingStoredNothing(String name) {
        assertThat(world.database().signaturesNamed(name))
                .as("signatures named '%s' stored by a dry-run compile", name)
                .isZero();
    }

    @Then("the published input schema accepts:")
    public void thePublishedInputSchemaAccepts(String document) {
        assertThat(inputSchema().problems(Json.parse(document)))
                .as("the validator's complaints about a valid input")
                .isEmpty();
    }

    @Then("the published input schema rejects {}:")
    public void thePublishedInputSchemaRejects(String mistake, String document) {
        assertThat(inputSchema().problems(Json.parse(document)))
                .as("the validator's complaints about %s", mistake)
                .isNotEmpty();
    }

    private PublishedSchema inputSchema() {
        Signature compiled = world.compiled();
        assertThat(compiled.schemaDialect(Signature.INPUT))
                .as("dialect of the published schema")
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        return new PublishedSchema(compiled.inputSchema());
    }
}

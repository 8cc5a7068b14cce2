package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.contracts.ContractCase;
import dev.proofgate.acceptance.contracts.FieldTreatments;
import dev.proofgate.acceptance.contracts.InputSample;
import dev.proofgate.acceptance.contracts.SchemaInputGenerator;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which fields may be left out or given as null, on inputs and on outputs. */
public final class OptionalFieldSteps {

    private static final long SEED = 11;

    private final ReadinessWorld world;
    private final ContractCase contract;
    private final SchemaAgreementSteps agreement;

    public OptionalFieldSteps(ReadinessWorld world, ContractCase contract, SchemaAgreementSteps agreement) {
        this.world = world;
        this.contract = contract;
        this.agreement = agreement;
    }

    @When("each input is left out, given as null and given a value, expecting:")
    public void eachInputIsLeftOutNullAndGiven(List<Map<String, String>> expectations) {
        contract.origin("each field left out, given as null and given a value");
        SchemaInputGenerator generator =
                new SchemaInputGenerator(world.signature().inputSchema(), SEED);
        for (Map<String, String> expected : expectations) {
            String field = expected.get("field");
            for (String treatment : FieldTreatments.TREATMENTS) {
                InputSample given = InputSample.valid(field + " " + treatment, generator.everyFieldGiven());
                InputSample treated = given.treated(field, treatment);
                boolean allowed = FieldTreatments.accepted(expected, treatment);
                agreement.attempt(allowed ? treated : treated.breaking(field, treatment));
            }
        }
    }

    @Then("the published {word} schema requires exactly {string}")
    public void thePublishedSchemaRequiresExactly(String side, String fields) {
        List<String> required = world.signature().publishedRequired(side);
        List<String> declared = world.signature().declaredRequired(side);
        Evidence.text(
                side + " fields required",
                "published schema: " + required + "\ndeclared by the signature: " + declared);
        List<String> expected =
                Arrays.stream(fields.split(",")).map(String::trim).toList();
        assertThat(required)
                .as("fields the published %s schema requires", side)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(declared)
                .as("fields the signature declares required on its %s side", side)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Then("the published output schema treats the outputs of the execution on each adapter as follows:")
    public void thePublishedOutputSchemaTreatsOutputs(List<Map<String, String>> expectations) {
        PublishedSchema schema = new PublishedSchema(world.signature().outputSchema());
        List<String> ids = List.of(
                world.execution("native").id(), world.execution("python_port").id());
        Map<String, Execution> finished = FinishedExecutions.await(
                world.executions(), ids, world.settings().awaitTimeout());
        List<FieldTreatments.Judged> judged = new ArrayList<>();
        for (Execution execution : finished.values()) {
            String adapter = execution.adapter();
            assertThat(execution.status())
                    .as("status of the %s execution (error: %s)", adapter, execution.error())
                    .isEqualTo(Execution.COMPLETED);
            for (Map<String, String> expected : expectations) {
                String field = expected.get("field");
                assertThat(execution.gave(field))
                        .as("the %s adapter gave a value for '%s': %s", adapter, field, execution.outputs())
                        .isTrue();
            }
            judged.addAll(FieldTreatments.outputs(schema, adapter, execution.outputs(), expectations));
        }
        Evidence.rows(
                "outputs left out, given as null and given their value",
                judged.stream().map(FieldTreatments.Judged::row).toList());
        assertThat(judged.stream()
                        .map(FieldTreatments.Judged::wrong)
                        .filter(Objects::nonNull)
                        .toList())
                .as("outputs the published output schema treats against the table")
                .isEmpty();
    }
}

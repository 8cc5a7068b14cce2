package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.contracts.ContractCase;
import dev.proofgate.acceptance.contracts.InputSample;
import dev.proofgate.acceptance.contracts.SchemaInputGenerator;
import dev.proofgate.acceptance.contracts.SignatureTable;
import dev.proofgate.acceptance.contracts.Trial;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.support.PublishedSchema;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Inputs generated from a published schema, tried on the schema and on the platform, and what came back. */
public final class SchemaAgreementSteps {

    private final ReadinessWorld world;
    private final ContractCase contract;
    private final List<Trial> trials;
    private PublishedSchema inputSchema;

    public SchemaAgreementSteps(ReadinessWorld world, ContractCase contract) {
        this.world = world;
        this.contract = contract;
        this.trials = contract.trials();
    }

    @Given("a signature with these fields:")
    public void aSignatureWithTheseFields(List<Map<String, String>> fields) {
        SignatureTable table = SignatureTable.of(world.uniqueName("tabled"), fields);
        Evidence.text("declared signature", table.definition() + "\nlimits: " + table.constraints());
        world.signature(
                world.signatures().declare(table.definition(), table.limits()).orFail("declaring the signature"));
    }

    @When("inputs generated from its published input schema with seed {long} are submitted")
    public void inputsGeneratedFromThePublishedSchemaAreSubmitted(long seed) {
        contract.origin("generated with seed " + seed);
        SchemaInputGenerator generator =
                new SchemaInputGenerator(world.signature().inputSchema(), seed);
        List<InputSample> samples =
                new ArrayList<>(generator.valid(world.settings().contractSamples()));
        samples.addAll(generator.invalid());
        samples.forEach(this::attempt);
        Evidence.text(
                "generation",
                "seed " + seed + ", " + world.settings().contractSamples()
                        + " valid samples (proofgate.contract.samples), "
                        + (samples.size() - world.settings().contractSamples()) + " ways of breaking the schema");
    }

    /** Tries one input on the published schema and on the platform; an accepted one runs on every program of the scenario. */
    void attempt(InputSample sample) {
        if (inputSchema == null) {
            inputSchema = new PublishedSchema(world.signature().inputSchema());
        }
        Outcome<Execution> outcome =
                world.executions().submitAny(world.program("native").id(), sample.values());
        Trial trial = Trial.of(sample, inputSchema.problems(sample.inputs()), outcome.rejection());
        if (outcome.wasAccepted()) {
            trial.executionIds().put("native", outcome.accepted().id());
            Outcome<Execution> other =
                    world.executions().submitAny(world.program("python_port").id(), sample.values());
            trial.executionIds()
                    .put(
                            "python_port",
                            other.orFail("the same input on the python_port adapter")
                                    .id());
        }
        trials.add(trial);
    }

    @Then(
            "the platform accepts exactly the inputs the published input schema accepts, naming the field of every rejection")
    public void thePlatformAcceptsExactlyWhatTheSchemaAccepts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> disagreements = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Object> row = trials.get(i).row(i + 1);
            rows.add(row);
            if (trials.get(i).disagreement() != null) {
                Map<String, Object> disagreement = new LinkedHashMap<>(row);
                disagreement.put("inputs", trials.get(i).sample().text());
                disagreements.add(disagreement);
            }
        }
        Evidence.rows("inputs tried (" + contract.origin() + ")", rows);
        Evidence.rows("disagreements", disagreements);
        long valid = trials.stream().filter(t -> t.sample().meantValid()).count();
        assertThat(valid).as("valid inputs generated").isPositive();
        assertThat(trials.size() - valid).as("invalid inputs generated").isPositive();
        assertThat(disagreements)
                .as("inputs on which the published schema and the platform disagree (%s)", contract.origin())
                .isEmpty();
    }

    @Then("every accepted input completes on both adapters with outputs the published output schema accepts")
    public void everyAcceptedInputCompletesOnBothAdapters() {
        PublishedSchema outputSchema = new PublishedSchema(world.signature().outputSchema());
        Map<String, Execution> finished = contract.finished();
        for (String adapter : Trial.ADAPTERS) {
            List<String> ids = trials.stream()
                    .map(t -> t.executionIds().get(adapter))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            assertThat(ids)
                    .as("executions the platform accepted on the %s adapter", adapter)
                    .isNotEmpty();
            finished.putAll(FinishedExecutions.awaitInHistory(
                    world.executions(),
                    world.program(adapter).id(),
                    ids,
                    world.settings().awaitTimeout()));
        }
        List<Trial.CheckedOutput> checked = trials.stream()
                .flatMap(trial -> trial.checkOutputs(finished::get, outputSchema).stream())
                .toList();
        Evidence.rows(
                "outputs checked against the published output schema",
                checked.stream().map(Trial.CheckedOutput::row).toList());
        assertThat(checked.stream()
                        .map(Trial.CheckedOutput::problem)
                        .filter(Objects::nonNull)
                        .toList())
                .as(
                        "executions of accepted inputs that did not complete with outputs the published output schema accepts")
                .isEmpty();
    }

    @Then("both adapters give the same outputs for every accepted input")
    public void bothAdaptersGiveTheSameOutputsForEveryInput() {
        List<Trial> ranOnBoth = trials.stream().filter(Trial::ranOnEveryAdapter).toList();
        int compared = ranOnBoth.size();
        List<Map<String, Object>> differences = ranOnBoth.stream()
                .flatMap(trial -> trial.outputDifference(this::finishedExecution).stream())
                .toList();
        Evidence.text("comparison", compared + " accepted inputs compared across the native and python_port adapters");
        Evidence.rows("inputs on which the adapters differ", differences);
        assertThat(compared).as("accepted inputs run on both adapters").isPositive();
        assertThat(differences)
                .as("inputs on which the native and python_port adapters give different outputs")
                .isEmpty();
    }

    private Execution finishedExecution(String id) {
        Execution execution = contract.finished().get(id);
        return execution != null ? execution : world.executions().get(id).orFail("reading execution " + id);
    }
}

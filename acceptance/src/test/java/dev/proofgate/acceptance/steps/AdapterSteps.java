package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** Which model adapters the platform offers and what they can do. */
public final class AdapterSteps {

    private static final List<String> ALL_TYPES = List.of(":string", ":integer", ":float", ":boolean", ":map", ":list",
            ":optional", ":confidence_score", ":reasoning_chain");

    private final ReadinessWorld world;
    private JsonNode listed;

    public AdapterSteps(ReadinessWorld world) {
        this.world = world;
    }

    @When("a team lists the platform's adapters")
    public void aTeamListsTheAdapters() {
        listed = world.adapters().list().path("items");
    }

    @Then("the adapters {string} and {string} are offered")
    public void theAdaptersAreOffered(String first, String second) {
        List<String> names = new ArrayList<>();
        listed.forEach(adapter -> names.add(adapter.path("name").asText()));
        assertThat(names).as("adapters offered").contains(first, second);
        listed.forEach(adapter -> assertThat(adapter.path("status").asText())
                .as("status of adapter %s", adapter.path("name")).isIn("up", "degraded"));
    }

    @Then("each adapter states its runtime and the output types it can fill")
    public void eachAdapterStatesItsCapabilities() {
        for (JsonNode adapter : listed) {
            JsonNode capabilities = adapter.path("capabilities");
            assertThat(capabilities.path("runtime").asText()).as("runtime of %s", adapter.path("name")).isNotBlank();
            List<String> types = new ArrayList<>();
            capabilities.path("output_types").forEach(type -> types.add(type.asText()));
            assertThat(types).as("output types %s can fill", adapter.path("name")).containsAll(ALL_TYPES);
        }
    }
}

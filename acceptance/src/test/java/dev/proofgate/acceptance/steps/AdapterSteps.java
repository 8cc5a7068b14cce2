package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Adapter;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Which model adapters the platform offers and what they can do. */
public final class AdapterSteps {

    private static final List<String> ALL_TYPES = List.of(
            ":string",
            ":integer",
            ":float",
            ":boolean",
            ":map",
            ":list",
            ":optional",
            ":confidence_score",
            ":reasoning_chain");

    private final ReadinessWorld world;
    private List<Adapter> listed;

    public AdapterSteps(ReadinessWorld world) {
        this.world = world;
    }

    @When("a team lists the platform's adapters")
    public void aTeamListsTheAdapters() {
        listed = world.adapters().list();
    }

    @Then("the adapters {string} and {string} are offered")
    public void theAdaptersAreOffered(String first, String second) {
        List<String> names = listed.stream().map(Adapter::name).toList();
        assertThat(names).as("adapters offered").contains(first, second);
        listed.forEach(adapter -> assertThat(adapter.status())
                .as("status of adapter %s", adapter.name())
                .isIn("up", "degraded"));
    }

    @Then("each adapter states its runtime and the output types it can fill")
    public void eachAdapterStatesItsCapabilities() {
        for (Adapter adapter : listed) {
            Adapter.Capabilities capabilities = adapter.capabilities();
            assertThat(capabilities.runtime())
                    .as("runtime of %s", adapter.name())
                    .isNotBlank();
            assertThat(capabilities.outputTypes())
                    .as("output types %s can fill", adapter.name())
                    .containsAll(ALL_TYPES);
        }
    }
}

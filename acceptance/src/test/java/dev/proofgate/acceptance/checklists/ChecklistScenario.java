package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import dev.proofgate.acceptance.drivers.rest.RestOperations;
import dev.proofgate.acceptance.world.ReadinessWorld;
import java.time.Duration;

/**
 * The drivers of one checklist scenario, next to the shared {@link ReadinessWorld}: the hostile client,
 * the operations reads and the published description, read once. What a scenario measures is kept in
 * the typed state classes of {@code checklists.state}. Scenario-scoped, injected by constructor like the world.
 */
public final class ChecklistScenario {

    private final ReadinessWorld world;
    private final HostileClient hostile;
    private final OperationsApi operations;
    private ApiDescription description;

    public ChecklistScenario(ReadinessWorld world) {
        this.world = world;
        this.hostile = new HostileClient(
                world.environment().baseUrl(), world.environment().apiKey());
        this.operations = new RestOperations(
                world.environment().baseUrl(), world.environment().apiKey());
    }

    public HostileClient hostile() {
        return hostile;
    }

    public OperationsApi operations() {
        return operations;
    }

    public ApiDescription description() {
        if (description == null) {
            description = operations.description();
        }
        return description;
    }

    /** A limit the platform publishes in its description ({@code x-proofgate-limits}). */
    public long publishedLimit(String name) {
        return description().publishedLimit(name);
    }

    public Duration awaitTimeout() {
        return world.settings().awaitTimeout();
    }
}

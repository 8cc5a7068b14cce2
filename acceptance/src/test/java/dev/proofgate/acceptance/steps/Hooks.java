package dev.proofgate.acceptance.steps;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.rest.PlatformHttp;
import dev.proofgate.acceptance.environment.Capability;
import dev.proofgate.acceptance.environment.Environments;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.opentest4j.TestAbortedException;

/** The run's lifecycle: the environment once per run; per scenario, capabilities and evidence of failure. */
public final class Hooks {

    private final ReadinessWorld world;

    public Hooks(ReadinessWorld world) {
        this.world = world;
    }

    @BeforeAll
    public static void startEnvironment() {
        Environments.start(SuiteSettings.load());
    }

    @AfterAll
    public static void stopEnvironment() {
        Environments.stop();
    }

    @Before(order = 0)
    public void resetLibraries() {
        PlatformHttp.reset();
        Awaitility.reset();
    }

    /** A scenario that needs what this environment cannot offer is not run: reported as skipped, never as passed. */
    @Before(order = 2)
    public void requireCapabilities(Scenario scenario) {
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@requires=")) {
                Capability capability = Capability.fromTag(tag.substring("@requires=".length()));
                if (!world.environment().can(capability)) {
                    throw new TestAbortedException(
                            "not run: the " + world.environment().mode() + " environment cannot " + capability.tag()
                                    + " (needed by " + tag + ")");
                }
            }
        }
    }

    /**
     * A scenario that injected faults leaves the environment as it found it (database up, platform
     * up), so the next scenario does not inherit its damage. Runs after the failure evidence is taken.
     */
    @After(order = 0)
    public void restoreAfterFaults(Scenario scenario) {
        boolean destructive = scenario.getSourceTagNames().stream()
                .filter(tag -> tag.startsWith("@requires="))
                .map(tag -> Capability.fromTag(tag.substring("@requires=".length())))
                .anyMatch(Capability::destructive);
        if (destructive) {
            world.faults().restore();
        }
    }

    @After(order = 1)
    public void attachPlatformLogOnFailure(Scenario scenario) throws IOException {
        if (scenario.isFailed()) {
            attachTail(scenario, world.environment().platformLog(), "platform log (last 200 lines)");
            attachTail(scenario, world.environment().databaseLog(), "database log (last 200 lines)");
        }
    }

    private static void attachTail(Scenario scenario, Optional<Path> log, String name) throws IOException {
        if (log.isPresent() && Files.exists(log.get())) {
            List<String> lines = Files.readAllLines(log.get());
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
            scenario.attach(tail, "text/plain", name);
        }
    }

    @After(order = 0)
    public void closeWorld() {
        world.close();
    }
}

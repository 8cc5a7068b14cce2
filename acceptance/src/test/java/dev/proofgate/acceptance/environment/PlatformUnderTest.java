package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.gate.verdict.SystemUnderTest;
import java.util.Map;

/**
 * The reference platform as the verdict sees it (registered in META-INF/services): the run's
 * environment describes it once started; a run that never started it names the mode it was asked for.
 */
public final class PlatformUnderTest implements SystemUnderTest {

    @Override
    public boolean started() {
        return Environments.started();
    }

    @Override
    public Map<String, String> describe() {
        return Environments.started()
                ? Environments.current().describe()
                : Map.of("mode", SuiteSettings.load().mode());
    }
}

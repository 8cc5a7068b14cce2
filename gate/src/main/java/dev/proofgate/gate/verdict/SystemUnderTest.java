package dev.proofgate.gate.verdict;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * What the verdict asks of the system it judges: the facts of the report's environment panel. A suite
 * registers its implementation in {@code META-INF/services/dev.proofgate.gate.verdict.SystemUnderTest};
 * without one the panel shows the gate's own facts only.
 */
public interface SystemUnderTest {

    /** True once the suite has started (or reached) the system. */
    boolean started();

    /**
     * Facts for the report's environment panel (versions, URLs, the mode it runs in; never secrets): asked at
     * the first scenario that finds the system started, or at the end of a run in which it never started.
     */
    Map<String, String> describe();

    /** The suite's registered implementation, or one that knows nothing. */
    static SystemUnderTest registered() {
        return ServiceLoader.load(SystemUnderTest.class).findFirst().orElse(new SystemUnderTest() {
            @Override
            public boolean started() {
                return false;
            }

            @Override
            public Map<String, String> describe() {
                return Map.of();
            }
        });
    }
}

package dev.proofgate.consolefixture;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs FixtureSuite through the JUnit Platform launcher, as surefire and the IDE run the real suite. */
public final class FixtureLauncher {

    private FixtureLauncher() {}

    public static void main(String[] args) {
        LauncherFactory.create()
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(FixtureSuite.class))
                        .build());
    }
}

package dev.proofgate.example;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The example's readiness run from the IDE or on demand ({@code mvn -pl example -am test -Dtest=GreetingReadinessSuite
 * -Dsurefire.failIfNoSpecifiedTests=false}): the features under features/, the example's steps, and the gate's plugins,
 * which end the run in a verdict under target/readiness/. {@link GreetingGateTest} runs the same in its own JVM.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = "cucumber.glue", value = "dev.proofgate.example.steps")
@ConfigurationParameter(key = "cucumber.plugin", value = "dev.proofgate.gate.console.ReadinessPlugins")
public class GreetingReadinessSuite {}

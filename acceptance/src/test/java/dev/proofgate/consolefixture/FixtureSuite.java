package dev.proofgate.consolefixture;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * ReadinessSuiteTest with fixture glue, for the console tests: the same settings files (the runner's
 * readiness-suite.properties, JUnit's junit-platform.properties), run from a project folder whose
 * features/ holds fixture features. Only the glue differs, so no environment is started.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParametersResource("readiness-suite.properties")
@ConfigurationParameter(key = "cucumber.glue", value = "dev.proofgate.verdictfixture,dev.proofgate.consolefixture")
public class FixtureSuite {}

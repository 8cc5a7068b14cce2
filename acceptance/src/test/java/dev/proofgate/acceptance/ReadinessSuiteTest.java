package dev.proofgate.acceptance;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The one runner: Maven and the IDE run the same suite with the settings in junit-platform.properties.
 * Features live in the top-level features/ folder; select with -Dcucumber.filter.tags="...". The fixed settings
 * (glue, our plugins) are in readiness-suite.properties; the defaults anyone may override with a system property
 * (parallel execution, exclusive resources) are in junit-platform.properties, which JUnit reads by itself.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
@ConfigurationParametersResource("readiness-suite.properties")
public class ReadinessSuiteTest {}

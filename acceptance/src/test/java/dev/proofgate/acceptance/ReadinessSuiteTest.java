package dev.proofgate.acceptance;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The one runner: Maven and the IDE run the same suite with the settings in junit-platform.properties.
 * Features live in the top-level features/ folder; select with -Dcucumber.filter.tags="...".
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
@ConfigurationParametersResource("junit-platform.properties")
public class ReadinessSuiteTest {
}

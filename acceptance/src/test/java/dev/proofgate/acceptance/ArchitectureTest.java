package dev.proofgate.acceptance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The suite's house rules: steps speak business and hand over; drivers are the only road to the platform;
 * the environments start and stop it; no two packages need each other.
 */
class ArchitectureTest {

    /** What speaks to the platform: HTTP, JDBC, raw sockets and the platform's own bridge client. */
    private static final String[] TRANSPORTS = {
        "io.restassured..",
        "java.net.http..",
        "java.sql..",
        "javax.sql..",
        "org.postgresql..",
        "dev.proofgate.platform.bridge.."
    };

    private static final JavaClasses SUITE = new ClassFileImporter().importPackages("dev.proofgate.acceptance");

    @Test
    void stepsDoNotSpeakHttpJdbcOrJson() {
        noClasses()
                .that()
                .resideInAPackage("dev.proofgate.acceptance.steps..")
                .and()
                .haveSimpleNameNotEndingWith("Test")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.restassured..",
                        "java.net..",
                        "java.sql..",
                        "javax.sql..",
                        "com.fasterxml.jackson..",
                        "dev.proofgate.platform.bridge..")
                .because("a step hands over to a driver or a domain object, which speak the platform's protocols")
                .check(SUITE);
    }

    @Test
    void onlyDriversAndEnvironmentsTalkToThePlatform() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.proofgate.acceptance.drivers..", "dev.proofgate.acceptance.environment..")
                .and()
                .haveSimpleNameNotEndingWith("Test")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TRANSPORTS)
                .because("drivers are the one road to the platform; environments only start, stop and damage it")
                .check(SUITE);
    }

    @Test
    void noCyclesBetweenTheSuitesPackages() {
        slices().matching("dev.proofgate.acceptance.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SUITE);
    }
}

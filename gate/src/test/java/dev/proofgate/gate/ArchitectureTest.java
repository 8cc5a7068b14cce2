package dev.proofgate.gate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gate is a library any suite can use: it knows no system under test and no suite of its own. */
class ArchitectureTest {

    private static final JavaClasses GATE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.proofgate.gate");

    @Test
    void theGateKnowsNeitherTheReferenceSuiteNorThePlatform() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.proofgate.acceptance..", "dev.proofgate.platform..")
                .because("the gate is the library; the reference suite and its platform are one of its users")
                .check(GATE);
    }

    @Test
    void noCyclesBetweenTheGatesPackages() {
        slices().matching("dev.proofgate.gate.(*)..").should().beFreeOfCycles().check(GATE);
    }
}

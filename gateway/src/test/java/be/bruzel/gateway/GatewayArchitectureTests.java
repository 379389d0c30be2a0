package be.bruzel.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway routes and signs in; what the platform does lives in the services behind it. */
class GatewayArchitectureTests {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.bruzel.gateway");

    @Test
    void theRoutesKnowNothingOfTheWebApplicationAndNoPackagesFormACycle() {
        noClasses()
                .that()
                .resideInAPackage("be.bruzel.gateway")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("be.bruzel.gateway.web..")
                .check(gateway);
        slices().matching("be.bruzel.gateway.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(gateway);
    }

    @Test
    void theGatewayCallsNoServiceItselfAndHoldsNoData() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web.reactive.function.client..", "org.apache.kafka..")
                .because("the web application asks the services through the API routes, like any other client")
                .check(gateway);
        noClasses()
                .that()
                .resideOutsideOfPackages("be.bruzel.gateway.sessions..", "be.bruzel.gateway.limits..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .because("its database holds sessions and rate-limit buckets, never the platform's data")
                .check(gateway);
    }
}

package be.bruzel.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules every service keeps: packages by feature that do not depend on each other in
 * cycles, no JPA, no field injection, and SQL only in the repositories of its feature.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate.orm..")
                .because("SQL is plain and visible: JdbcClient, no JPA").check(classes);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies come through constructors").check(classes);
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .because("controllers are thin; SQL lives in the feature's repository").check(classes);
        noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..")
                .because("events leave a service through the outbox, never straight from a feature").check(classes);
    }
}

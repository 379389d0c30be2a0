package be.bruzel.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Repository;

/**
 * The rules every service keeps: packages by feature that do not depend on each other in
 * cycles, no JPA, no field injection, and SQL only in the repositories of its feature (classes annotated
 * {@code @Repository}; a {@code @Configuration} may hand the database to a library).
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {}

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate.orm..")
                .because("SQL is plain and visible: JdbcClient, no JPA")
                .check(classes);
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies come through constructors")
                .check(classes);
        noClasses()
                .that()
                .areNotAnnotatedWith(Repository.class)
                .and()
                .areNotAnnotatedWith(Configuration.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc.core..")
                .because("SQL lives in the repository of its feature (a configuration may hand a library the database)")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka.clients.producer..")
                .because("events leave a service through the outbox, never straight from a feature")
                .check(classes);
    }
}

package be.bruzel.platform.directorycopy;

import be.bruzel.platform.support.inbox.ProcessedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imported by a service that keeps its own copy of the directory. The copy's tables
 * ({@code directory_theme}, {@code directory_care_zone}, {@code directory_area},
 * {@code directory_service}, {@code directory_routing_rule}) and {@code processed_event} come with
 * the module as {@code classpath:db/directory-copy/V1}, for the service to add to its Flyway
 * locations (referral-service made them in its own V3 and V6, before there was a module). A later
 * change to them is a migration of each service's own, as the module's V1 is never edited: who a
 * service is for ({@code minimum_age}, {@code maximum_age}, {@code target_groups}) came as
 * referral-service's V14 and statistics-service's V6.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryCopyConfiguration {

    @Bean
    DirectoryCopy directoryCopy(
            Directory directory, ProcessedEvents processed, @Value("${spring.application.name}") String serviceName) {
        return new DirectoryCopy(directory, processed, serviceName);
    }

    @Bean
    Directory directory(JdbcClient jdbc) {
        return new Directory(jdbc);
    }
}

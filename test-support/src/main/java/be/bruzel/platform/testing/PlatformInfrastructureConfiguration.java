package be.bruzel.platform.testing;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points a service at the test's PostgreSQL (a database named after the application) and Kafka,
 * whichever {@link TestInfrastructure} chose. The service's own code does not know the difference.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformInfrastructureConfiguration {

    @Bean
    JdbcConnectionDetails testDatabase(@Value("${spring.application.name}") String application) {
        String url = TestInfrastructure.database(application.replace('-', '_'));
        TestInfrastructure.Postgres server = TestInfrastructure.postgres();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return server.username();
            }

            @Override
            public String getPassword() {
                return server.password();
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    @Bean
    KafkaConnectionDetails testKafka() {
        String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
        return () -> List.of(bootstrapServers);
    }
}

package be.bruzel.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole service on real PostgreSQL and Kafka, called through its full HTTP stack (security
 * included) with tokens from {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Actuator on the service's own port, where MockMvc reaches it; deployed, it has a port of its own.
// A test awaits its events one at a time: the broker answers a quiet fetch within half a second, not the two
// seconds a deployed consumer waits to gather a batch.
@SpringBootTest(properties = {"management.server.port=", "spring.kafka.consumer.fetch-max-wait=500ms"})
@AutoConfigureMockMvc
@Import({PlatformInfrastructureConfiguration.class, TestTokens.Decoder.class})
public @interface ServiceIntegrationTest {}

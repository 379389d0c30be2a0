package be.bruzel.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What every service promises, whatever its features: its migrations apply, it is healthy with
 * its database and Kafka, and its API refuses a call without a token with a problem.
 * A service's integration test implements this to inherit these tests.
 */
public interface ServiceBaseline {

    MockMvcTester mvc();

    JdbcClient jdbc();

    /** The Flyway versions the service has, in order. */
    List<String> migrationVersions();

    /** Any endpoint of the service's API. */
    String protectedEndpoint();

    @Test
    default void migrationsAreApplied() {
        assertThat(jdbc().sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactlyElementsOf(migrationVersions());
    }

    @Test
    default void healthIsUpWithItsDatabaseAndKafka() {
        assertThat(mvc().get().uri("/actuator/health/readiness")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("UP");
            assertThat(json).extractingPath("$.components.db.status").isEqualTo("UP");
            assertThat(json).extractingPath("$.components.kafka.status").isEqualTo("UP");
        });
        assertThat(mvc().get().uri("/actuator/health/liveness")).hasStatusOk();
    }

    @Test
    default void aCallWithoutATokenIsUnauthorizedAsAProblem() {
        assertThat(mvc().get().uri(protectedEndpoint())).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers().hasHeaderSatisfying("WWW-Authenticate",
                        values -> assertThat(values.getFirst()).startsWith("Bearer"));
    }

    @Test
    default void theApiIsDocumentedAndMetricsAreExposed() {
        assertThat(mvc().get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("\"/api/");
        assertThat(mvc().get().uri("/actuator/prometheus")).hasStatusOk().bodyText().contains("jvm_memory_used_bytes");
    }

    @Test
    default void aTokenSignedByAnotherIssuerIsUnauthorized() {
        assertThat(mvc().get().uri(protectedEndpoint()).header("Authorization", TestTokens.foreignBearer()))
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

package be.bruzel.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What every service promises, whatever its features: its migrations apply, it is healthy with
 * its database and Kafka, and its API refuses a call without a token with a problem.
 * A service's integration test extends this to inherit these tests, and its tools.
 */
public abstract class ServiceBaseline {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcClient jdbc;

    /** The Flyway versions the service has, in order. */
    protected abstract List<String> migrationVersions();

    /** Any endpoint of the service's API. */
    protected abstract String protectedEndpoint();

    @Test
    void migrationsAreApplied() {
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(migrationVersions());
    }

    @Test
    void healthIsUpWithItsDatabaseAndKafkaAndOnlyAnAdministratorSeesWhy() {
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatusOk()
                .bodyText()
                .contains("\"UP\"")
                .doesNotContain("components", "kafka", "db");
        assertThat(mvc.get()
                        .uri("/actuator/health/readiness")
                        .header("Authorization", TestTokens.bearer("admin", List.of("administrator"), null)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("UP");
                    assertThat(json).extractingPath("$.components.db.status").isEqualTo("UP");
                    assertThat(json).extractingPath("$.components.kafka.status").isEqualTo("UP");
                });
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
    }

    @Test
    void aCallWithoutATokenIsUnauthorizedAsAProblem() {
        assertThat(mvc.get().uri(protectedEndpoint()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers()
                .hasValue("WWW-Authenticate", "Bearer");
    }

    @Test
    void aRefusedTokenIsChallengedWithoutNamingTheServicesAddressOrWhy() {
        assertThat(mvc.get().uri(protectedEndpoint()).header("Authorization", "Bearer not.a.token"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .headers()
                .hasValue("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(mvc.get().uri(protectedEndpoint())).bodyText().doesNotContain("localhost", "http:");
    }

    @Test
    void aParameterWithAControlCharacterIsRefusedNamingIt() {
        String signedIn = TestTokens.bearer("someone", List.of("administrator"), null);

        assertThat(mvc.get()
                        .uri(protectedEndpoint())
                        .param("page", "0")
                        .param("text", "a\u0000b")
                        .header("Authorization", signedIn))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("text");
    }

    @Test
    void theApiDocumentationIsOffUnlessTurnedOnAndMetricsAreExposed() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/actuator/prometheus"))
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void onlyAccessTokensMeantForTheServiceAreAccepted() {
        assertThat(mvc.get()
                        .uri(protectedEndpoint())
                        .header(
                                "Authorization",
                                TestTokens.bearerForAnotherAudience("admin", List.of("administrator"))))
                .as("a token for another system")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get()
                        .uri(protectedEndpoint())
                        .header("Authorization", TestTokens.bearerIdToken("admin", List.of("administrator"))))
                .as("an ID token")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get()
                        .uri(protectedEndpoint())
                        .header("Authorization", TestTokens.bearer("admin", List.of("administrator"), null)))
                .as("an access token for the platform: not challenged")
                .headers()
                .doesNotContainHeader("WWW-Authenticate");
    }

    @Test
    void aTokenSignedByAnotherIssuerIsUnauthorized() {
        assertThat(mvc.get().uri(protectedEndpoint()).header("Authorization", TestTokens.foreignBearer()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

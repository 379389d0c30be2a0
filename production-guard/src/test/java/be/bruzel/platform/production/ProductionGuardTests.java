package be.bruzel.platform.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTests {

    private static final Map<String, String> DEMO =
            ProductionGuard.demoSettings(new ByteArrayResource("""
            spring:
              datasource:
                password: ${REFERRAL_DB_PASSWORD:referral}
            platform:
              statistics:
                pseudonym-key: ${STATISTICS_PSEUDONYM_KEY:demo-key-change-me-in-production}
              directory:
                demo-data: true
            """.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public boolean exists() {
                    return true;
                }
            });

    @Test
    void aSecretThatIsNotSetIsRefused() {
        MockEnvironment production =
                new MockEnvironment().withProperty("platform.statistics.pseudonym-key", "own-key-0123456789");

        assertThat(ProductionGuard.refusedSecrets(production, DEMO))
                .containsExactly("spring.datasource.password is not set");
    }

    @Test
    void aSecretWithTheDemosValueIsRefusedEvenWhenSetOnPurpose() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.password", "referral")
                .withProperty("platform.statistics.pseudonym-key", "demo-key-change-me-in-production");

        assertThat(ProductionGuard.refusedSecrets(production, DEMO))
                .containsExactly(
                        "spring.datasource.password is the demo's", "platform.statistics.pseudonym-key is the demo's");
    }

    @Test
    void ownSecretsAreAcceptedAndSettingsThatAreNoSecretsAreNotRequired() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.password", "s3cret-of-the-zone")
                .withProperty("platform.statistics.pseudonym-key", "own-key-0123456789");

        assertThat(ProductionGuard.refusedSecrets(production, DEMO)).isEmpty();
    }

    @Test
    void aProcessWithoutTheDemoProfileDoesNotStartWithTheDemosSecrets() {
        MockEnvironment production = new MockEnvironment();

        // This module's test resources hold an application-demo.yml with a demo password.
        assertThatIllegalStateException()
                .isThrownBy(() -> new ProductionGuard().postProcessEnvironment(production, new SpringApplication()))
                .withMessageContaining("spring.datasource.password is not set");
    }

    @Test
    void theDemoProfileStartsWithTheDemosSecrets() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");

        assertThatCode(() -> new ProductionGuard().postProcessEnvironment(demo, new SpringApplication()))
                .doesNotThrowAnyException();
    }
}

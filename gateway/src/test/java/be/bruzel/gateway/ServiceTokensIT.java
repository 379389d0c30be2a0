package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One token per service: what each service receives for one caller, exchanged at the identity provider. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceTokensIT extends GatewayUnderTest {

    static final FakeService referralService = FakeService.answering();
    static final FakeService directoryService = FakeService.answering();
    static final FakeService notificationService = FakeService.answering();
    static final FakeService statisticsService = FakeService.answering();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        register(
                registry,
                Map.of(
                        "referral",
                        referralService::url,
                        "directory",
                        directoryService::url,
                        "notification",
                        notificationService::url,
                        "statistics",
                        statisticsService::url));
    }

    @AfterAll
    static void stopServers() {
        referralService.close();
        directoryService.close();
        notificationService.close();
        statisticsService.close();
    }

    @Test
    void eachServiceReceivesATokenMeantForItAloneAndTheCallersOwnTokenReachesNone() throws Exception {
        assertThat(get("/api/referrals", "Bearer callers-own").body()).endsWith("Bearer referral-service:callers-own");
        assertThat(get("/api/directory/themes", "Bearer callers-own").body())
                .endsWith("Bearer directory-service:callers-own");
        assertThat(get("/api/notifications", "Bearer callers-own").body())
                .endsWith("Bearer notification-service:callers-own");
        assertThat(get("/api/statistics/referrals", "Bearer callers-own").body())
                .endsWith("Bearer statistics-service:callers-own");
    }

    @Test
    void aTokenIsExchangedOncePerServiceWhileItLasts() throws Exception {
        get("/api/referrals", "Bearer working-all-day");
        int exchanges = identityProvider.exchanges();

        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/referrals", "Bearer working-all-day").statusCode())
                    .isEqualTo(200);
        }

        assertThat(identityProvider.exchanges()).as("no new exchange").isEqualTo(exchanges);
    }

    @Test
    void aTokenTheIdentityProviderWillNotExchangeIsA401ProblemAndReachesNoService() throws Exception {
        int received = referralService.received();

        HttpResponse<String> refused = get("/api/referrals", "Bearer " + FakeIdentityProvider.REFUSED);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(referralService.received()).as("nothing reached the service").isEqualTo(received);
    }

    @Test
    void aCallerWithoutATokenReachesTheServiceWithoutOneAndIsAnsweredByIt() throws Exception {
        int exchanges = identityProvider.exchanges();

        assertThat(get("/api/referrals", null).body()).isEqualTo("GET /api/referrals null");
        assertThat(identityProvider.exchanges()).isEqualTo(exchanges);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

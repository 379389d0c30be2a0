package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.TestInfrastructure;
import be.bruzel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's limits in front of a real service and a real key set, with limits small enough to
 * reach. Each test comes from an address of its own (the gateway trusts X-Forwarded-For here, as
 * behind a proxy), so their buckets do not mix.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "platform.web.login.issuer=" + TestTokens.ISSUER,
            "platform.gateway.rate-limits.anonymous.requests=3",
            "platform.gateway.rate-limits.sign-in.requests=2",
            "platform.gateway.rate-limits.person.requests=4",
            "platform.gateway.rate-limits.writes.requests=2"
        })
class RateLimitsIT extends GatewayUnderTest {

    static final FakeService referralService = FakeService.answering();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        register(registry, Map.of("referral", referralService::url));
    }

    @AfterAll
    static void stopServers() {
        referralService.close();
    }

    @Test
    void anAddressOverItsLimitIsA429ProblemInItsLanguageWithRetryAfterAndNothingReachesTheService() throws Exception {
        String address = anAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(send(port, "GET", "/api/referrals", address, null).statusCode())
                    .isEqualTo(200);
        }
        int before = referralService.received();

        HttpResponse<String> refused = send(port, "GET", "/api/referrals", address, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.body()).contains("\"title\":\"Te veel verzoeken\"").contains("\"status\":429");
        assertThat(refused.headers().firstValue("Content-Security-Policy"))
                .as("security headers too")
                .isPresent();
        assertThat(referralService.received()).as("nothing reached the service").isEqualTo(before);
        assertThat(send(port, "GET", "/api/referrals", anAddress(), null).statusCode())
                .as("another address has its own bucket")
                .isEqualTo(200);
    }

    @Test
    void aPersonIsCountedAsThemselvesWhateverTheirAddressAndAnotherPersonIsNot() throws Exception {
        String person = TestTokens.bearer("gp-" + anAddress(), List.of("referrer"), null);
        for (int i = 0; i < 4; i++) {
            assertThat(send(port, "GET", "/api/referrals", anAddress(), person).statusCode())
                    .isEqualTo(200);
        }

        assertThat(send(port, "GET", "/api/referrals", anAddress(), person).statusCode())
                .isEqualTo(429);
        assertThat(send(
                                port,
                                "GET",
                                "/api/referrals",
                                anAddress(),
                                TestTokens.bearer("another-gp-" + anAddress(), List.of("referrer"), null))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void writesHaveABucketOfTheirOwnThatEndsSoonerThanReading() throws Exception {
        String person = TestTokens.bearer("worker-" + anAddress(), List.of("organisation-worker"), "org");
        String address = anAddress();
        assertThat(send(port, "POST", "/api/referrals/1/messages", address, person)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(port, "POST", "/api/referrals/1/messages", address, person)
                        .statusCode())
                .isEqualTo(200);
        int before = referralService.received();

        assertThat(send(port, "POST", "/api/referrals/1/messages", address, person)
                        .statusCode())
                .isEqualTo(429);
        assertThat(referralService.received())
                .as("the third message was not delivered")
                .isEqualTo(before);
        assertThat(send(port, "GET", "/api/referrals/1/messages", address, person)
                        .statusCode())
                .as("reading goes on")
                .isEqualTo(200);
    }

    @Test
    void aTokenTheIdentityProviderDidNotSignCountsAsAnonymous() throws Exception {
        String address = anAddress();
        for (int i = 0; i < 3; i++) {
            send(port, "GET", "/api/referrals", address, TestTokens.foreignBearer());
        }

        assertThat(send(port, "GET", "/api/referrals", address, TestTokens.foreignBearer())
                        .statusCode())
                .as("forged tokens do not buy a bucket each")
                .isEqualTo(429);
    }

    @Test
    void startingASignInIsLimitedMoreStrictlyAndARefusedOneCostsNoSession() throws Exception {
        String address = anAddress();
        assertThat(send(port, "GET", "/oauth2/authorization/platform", address, null)
                        .statusCode())
                .isEqualTo(302);
        assertThat(send(port, "GET", "/oauth2/authorization/platform", address, null)
                        .statusCode())
                .isEqualTo(302);
        long sessions = GatewayDatabase.count("SELECT count(*) FROM spring_session");

        HttpResponse<String> refused = send(port, "GET", "/oauth2/authorization/platform", address, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Set-Cookie"))
                .as("no session cookie")
                .isEmpty();
        assertThat(GatewayDatabase.count("SELECT count(*) FROM spring_session"))
                .as("no session stored")
                .isEqualTo(sessions);
    }

    @Test
    void everyGatewayInstanceCountsAgainstTheSameBuckets() throws Exception {
        String address = anAddress();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--server.forward-headers-strategy=native",
                        "--platform.web.login.issuer=" + TestTokens.ISSUER,
                        "--platform.web.login.identity-provider=" + identityProvider.url(),
                        "--platform.gateway.services.referral=" + referralService.url(),
                        "--platform.gateway.rate-limits.anonymous.requests=3",
                        "--spring.datasource.url=" + TestInfrastructure.database("gateway"),
                        "--spring.datasource.username="
                                + TestInfrastructure.postgres().username(),
                        "--spring.datasource.password="
                                + TestInfrastructure.postgres().password())) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            send(port, "GET", "/api/referrals", address, null);
            send(secondPort, "GET", "/api/referrals", address, null);
            send(port, "GET", "/api/referrals", address, null);

            assertThat(send(secondPort, "GET", "/api/referrals", address, null).statusCode())
                    .isEqualTo(429);
            assertThat(send(port, "GET", "/api/referrals", address, null).statusCode())
                    .isEqualTo(429);
        }
    }

    private HttpResponse<String> send(int gateway, String method, String path, String address, String bearer)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + path))
                .header("X-Forwarded-For", address)
                .header("Accept-Language", "nl")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An address from the documentation range (RFC 5737), a new one each time. */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
    }
}

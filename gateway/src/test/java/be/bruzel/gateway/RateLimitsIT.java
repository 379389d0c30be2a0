package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.TestInfrastructure;
import be.bruzel.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
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
        assertThat(refused.body())
                .contains("\"title\":\"Te veel tegelijk: wacht even\"")
                .contains("\"status\":429");
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
        assertThat(send(port, "POST", "/api/referrals/inbox/_search", address, person)
                        .statusCode())
                .as("a search is posted to keep the name out of the address, and counted as a read")
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

    /**
     * Full buckets are purged every minute, and an operator may empty the table; meanwhile a person's
     * concurrent requests are joined into one transaction on their bucket. Joined, Bucket4j cannot make
     * the bucket again, and the requests failed as a 500.
     */
    @Test
    void aBucketRemovedWhileAPersonsRequestsAreJoinedIsMadeAgainWithoutAFailure() throws Exception {
        String subject = "gp-" + anAddress();
        String person = TestTokens.bearer(subject, List.of("referrer"), null);
        AtomicBoolean removing = new AtomicBoolean(true);
        // A thread of its own: on two cores the common pool has one, which the HTTP client needs too.
        ExecutorService remover = Executors.newSingleThreadExecutor();
        Future<Integer> removals = remover.submit(() -> {
            int removed = 0;
            try (Connection connection = DriverManager.getConnection(
                            TestInfrastructure.database("gateway"),
                            TestInfrastructure.postgres().username(),
                            TestInfrastructure.postgres().password());
                    PreparedStatement remove =
                            connection.prepareStatement("DELETE FROM rate_limit_bucket WHERE id LIKE ?")) {
                remove.setString(1, "person:" + subject + ":%");
                while (removing.get()) {
                    removed += remove.executeUpdate();
                    Thread.sleep(2);
                }
            }
            return removed;
        });
        Map<Integer, Integer> answers = new TreeMap<>();
        HttpClient concurrently =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            for (int round = 0; round < 40; round++) {
                List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    concurrent.add(concurrently.sendAsync(
                            request(port, "POST", "/api/referrals/1/messages", anAddress(), person),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> answer : concurrent) {
                    answers.merge(answer.get().statusCode(), 1, Integer::sum);
                }
            }
        } finally {
            removing.set(false);
            remover.shutdown();
        }

        assertThat(removals.get()).as("buckets removed under the requests").isPositive();
        assertThat(answers.keySet()).as("every answer, by status: " + answers).containsOnly(200, 429);
    }

    private HttpResponse<String> send(int gateway, String method, String path, String address, String bearer)
            throws Exception {
        return http.send(request(gateway, method, path, address, bearer), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int gateway, String method, String path, String address, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + path))
                .header("X-Forwarded-For", address)
                .header("Accept-Language", "nl")
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return request.build();
    }

    /** An address from the documentation range (RFC 5737), a new one each time. */
    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
    }
}

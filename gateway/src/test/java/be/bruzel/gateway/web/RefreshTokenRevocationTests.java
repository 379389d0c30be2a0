package be.bruzel.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.web.server.WebFilterExchange;

/** Against a real HTTP endpoint standing in for the identity provider's revocation endpoint. */
class RefreshTokenRevocationTests {

    private final WebSessionServerOAuth2AuthorizedClientRepository sessions =
            new WebSessionServerOAuth2AuthorizedClientRepository();
    private final TestingAuthenticationToken person = new TestingAuthenticationToken("gp.jette", null);
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/logout"));

    @Test
    void signingOutRevokesTheRefreshTokenAtTheProviderAndTakesTheTokensOutOfTheSession() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        provider.createContext("/oauth2/revoke", call -> {
            received.add(
                    call.getRequestMethod() + " " + call.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(call.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            call.sendResponseHeaders(200, -1);
            call.close();
        });
        provider.start();
        try {
            signedIn("http://localhost:" + provider.getAddress().getPort() + "/oauth2/revoke");
            revocation()
                    .logout(new WebFilterExchange(exchange, chain -> null), person)
                    .block(Duration.ofSeconds(10));
        } finally {
            provider.stop(0);
        }

        assertThat(received)
                .containsExactly("POST Basic "
                        + Base64.getEncoder()
                                .encodeToString("platform-web:s%C3%A9cret".getBytes(StandardCharsets.UTF_8))
                        + " token=refresh-token-1&token_type_hint=refresh_token");
        assertThat(sessions.loadAuthorizedClient("platform", person, exchange).blockOptional())
                .isEmpty();
    }

    @Test
    void anUnreachableProviderDoesNotKeepAnyoneSignedIn() throws Exception {
        signedIn("http://localhost:" + closedPort() + "/oauth2/revoke");

        revocation()
                .logout(new WebFilterExchange(exchange, chain -> null), person)
                .block(Duration.ofSeconds(10));

        assertThat(sessions.loadAuthorizedClient("platform", person, exchange).blockOptional())
                .isEmpty();
    }

    @Test
    void aProviderWithoutARevocationEndpointStillSignsThePersonOut() {
        signedIn(null);

        revocation()
                .logout(new WebFilterExchange(exchange, chain -> null), person)
                .block(Duration.ofSeconds(10));

        assertThat(sessions.loadAuthorizedClient("platform", person, exchange).blockOptional())
                .isEmpty();
    }

    private RefreshTokenRevocation revocation() {
        return new RefreshTokenRevocation(sessions);
    }

    /** @param revocationEndpoint as the provider's discovery document names it, or none */
    private void signedIn(String revocationEndpoint) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("platform")
                .clientId("platform-web")
                .clientSecret("sécret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login")
                .authorizationUri("http://idp/authorize")
                .tokenUri("http://idp/token")
                .providerConfigurationMetadata(
                        revocationEndpoint == null ? Map.of() : Map.of("revocation_endpoint", revocationEndpoint))
                .build();
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(
                registration,
                "gp.jette",
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        "access",
                        Instant.now(),
                        Instant.now().plusSeconds(60)),
                new OAuth2RefreshToken("refresh-token-1", Instant.now()));
        sessions.saveAuthorizedClient(client, person, exchange).block();
        assertThat(sessions.loadAuthorizedClient("platform", person, exchange).blockOptional())
                .isPresent();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package be.bruzel.gateway.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import reactor.core.publisher.Mono;

/**
 * Signing out ends the person's tokens at the identity provider too: the refresh token is revoked
 * (RFC 7009), so a copy of it renews nothing, and the tokens leave the session. The identity provider
 * not answering does not keep anyone signed in: the session ends regardless.
 */
final class RefreshTokenRevocation implements ServerLogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenRevocation.class);

    private final ServerOAuth2AuthorizedClientRepository authorizedClients;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RefreshTokenRevocation(ServerOAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        return authorizedClients
                .<OAuth2AuthorizedClient>loadAuthorizedClient(
                        WebLogin.REGISTRATION, authentication, exchange.getExchange())
                .flatMap(client -> revoke(client)
                        .then(authorizedClients.removeAuthorizedClient(
                                WebLogin.REGISTRATION, authentication, exchange.getExchange())));
    }

    private Mono<Void> revoke(OAuth2AuthorizedClient client) {
        if (client.getRefreshToken() == null) {
            return Mono.empty();
        }
        ClientRegistration registration = client.getClientRegistration();
        // From the provider's discovery document (ProviderMetadata), at the address the gateway reaches it at.
        if (!(registration.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint")
                instanceof String revocationEndpoint)) {
            log.warn("The identity provider names no revocation endpoint: the refresh token is only forgotten");
            return Mono.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(revocationEndpoint))
                .timeout(Duration.ofSeconds(5))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((form(registration.getClientId()) + ":"
                                                        + form(registration.getClientSecret()))
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "token=" + form(client.getRefreshToken().getTokenValue()) + "&token_type_hint=refresh_token"))
                .build();
        return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .doOnNext(response -> {
                    if (response.statusCode() != 200) {
                        log.warn(
                                "The identity provider answered {} to revoking a refresh token", response.statusCode());
                    }
                })
                .onErrorResume(unreachable -> {
                    log.warn("The refresh token could not be revoked: {}", unreachable.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** RFC 6749 §2.3.1: client credentials are form-encoded before they go into Basic authentication. */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package be.bruzel.gateway.tokens;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.TokenExchangeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveTokenExchangeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The token a route sends to its service: the caller's own, exchanged at the identity provider for
 * one whose audience is that service alone. Exchanged tokens are kept until shortly before they expire
 * (at most {@value #MAX_KEPT} of them), so a person working costs one exchange per service per token.
 * A caller without a token is passed on without one (the service answers 401); a token the identity
 * provider will not exchange is a 401 problem here.
 */
@Component
public class ServiceTokens {

    /** The gateway's client at the identity provider: it signs people in and exchanges their tokens. */
    public static final String CLIENT = "platform";

    private static final String BEARER = "Bearer ";
    private static final int MAX_KEPT = 10_000;
    private static final Duration RENEWED_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(5);

    private record Exchange(String subjectToken, String service) {}

    private final ReactiveClientRegistrationRepository registrations;
    private final ReactiveOAuth2AuthorizedClientManager signedInClients;
    private final WebClientReactiveTokenExchangeTokenResponseClient exchanges =
            new WebClientReactiveTokenExchangeTokenResponseClient();
    private final AsyncCache<Exchange, OAuth2AccessToken> exchanged;

    ServiceTokens(
            ReactiveClientRegistrationRepository registrations, ReactiveOAuth2AuthorizedClientManager signedInClients) {
        this.registrations = registrations;
        this.signedInClients = signedInClients;
        // RFC 8693 audience: the service's name, which is what its tokens must name.
        exchanges.addParametersConverter(request -> {
            MultiValueMap<String, String> audience = new LinkedMultiValueMap<>();
            audience.add("audience", request.getClientRegistration().getRegistrationId());
            return audience;
        });
        this.exchanged = Caffeine.newBuilder()
                .maximumSize(MAX_KEPT)
                .expireAfter(Expiry.<Exchange, OAuth2AccessToken>creating((exchange, token) -> keptFor(token)))
                .buildAsync();
    }

    /** Replaces the caller's Authorization with a token for this service alone. */
    public GatewayFilter relayFor(String service) {
        return (exchange, chain) -> callersToken(exchange)
                .flatMap(subject -> tokenFor(subject, service))
                .map(token -> exchange.mutate()
                        .request(request -> request.headers(headers -> headers.setBearerAuth(token.getTokenValue())))
                        .build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter);
    }

    /** The caller's bearer token, or the access token of their session (renewed when it has expired). */
    private Mono<String> callersToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(authorization.substring(BEARER.length()).strip());
        }
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(signedIn -> signedInClients.authorize(
                        OAuth2AuthorizeRequest.withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
                                .principal(signedIn)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build()))
                .map(client -> client.getAccessToken().getTokenValue());
    }

    private Mono<OAuth2AccessToken> tokenFor(String subjectToken, String service) {
        return Mono.fromFuture(exchanged.get(
                new Exchange(subjectToken, service),
                (key, executor) -> exchange(key).toFuture()));
    }

    private Mono<OAuth2AccessToken> exchange(Exchange exchange) {
        return registrations
                .findByRegistrationId(CLIENT)
                .map(gateway -> ClientRegistration.withClientRegistration(gateway)
                        .registrationId(exchange.service())
                        .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
                        .build())
                .flatMap(client -> exchanges.getTokenResponse(new TokenExchangeGrantRequest(
                        client,
                        new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, exchange.subjectToken(), null, null),
                        null)))
                .timeout(EXCHANGE_TIMEOUT)
                .map(OAuth2AccessTokenResponse::getAccessToken);
    }

    private static Duration keptFor(OAuth2AccessToken token) {
        Instant now = Instant.now();
        Instant expires = token.getExpiresAt() == null ? now.plus(Duration.ofMinutes(5)) : token.getExpiresAt();
        Duration kept = Duration.between(now, expires.minus(RENEWED_BEFORE_EXPIRY));
        return kept.isNegative() ? Duration.ZERO : kept;
    }
}

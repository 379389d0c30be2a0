package be.bruzel.gateway.web;

import be.bruzel.gateway.limits.RateLimits;
import be.bruzel.gateway.sessions.SessionStore;
import be.bruzel.gateway.tokens.ServiceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * Signing in to the web application. The gateway is the OpenID Connect client (authorization code
 * flow): it keeps each person's tokens in their session and relays the access token to the
 * services, so the browser only ever holds a session cookie. Callers that bring their own bearer
 * token (scripts, other systems) pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLogin.Settings.class)
class WebLogin {

    static final String REGISTRATION = ServiceTokens.CLIENT;
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    /**
     * @param issuer the issuer as the tokens name it; its endpoints come from its discovery document
     *        ({@link ProviderMetadata})
     * @param identityProvider where the gateway itself reaches the identity provider: the issuer, but
     *        inside containers another host name
     */
    @ConfigurationProperties("platform.web.login")
    record Settings(URI issuer, URI identityProvider, String clientId, String clientSecret) {

        Settings {
            identityProvider = identityProvider == null ? issuer : identityProvider;
        }
    }

    @Bean
    ProviderMetadata providerMetadata(Settings settings) {
        return new ProviderMetadata(
                settings.issuer(),
                settings.identityProvider(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The gateway's client at the identity provider, made once the provider's endpoints are known. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(Settings settings, ProviderMetadata provider) {
        Mono<ClientRegistration> registration = provider.metadata()
                .map(metadata -> ClientRegistrations.fromOidcConfiguration(metadata)
                        .registrationId(REGISTRATION)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid", "profile")
                        // The ID token says who signed in; asking the user-info endpoint too would cost a call per
                        // sign-in.
                        .userInfoUri(null)
                        .userNameAttributeName(IdTokenClaimNames.SUB)
                        .build());
        return registrationId -> REGISTRATION.equals(registrationId) ? registration : Mono.empty();
    }

    @Bean
    WebSessionIdResolver sessionCookie() {
        return new SecureSessionCookie();
    }

    /** Tokens live in the session, so they end with it and never sit in a shared store. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Bearer tokens are checked here only to count their holder's requests ({@link RateLimits}): by
     * the provider's signature and issuer, whatever their type. The services verify them for themselves.
     */
    @Bean
    ReactiveJwtDecoder bearerTokens(ProviderMetadata provider) {
        Mono<ReactiveJwtDecoder> decoder = provider.endpoint("jwks_uri")
                .map(jwkSet -> {
                    NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSet)
                            .validateType(false)
                            .build();
                    nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(
                            new JwtIssuerValidator(provider.issuer()), new JwtTypeValidator("at+jwt", "JWT")));
                    return (ReactiveJwtDecoder) nimbus;
                })
                .transform(ProviderMetadata::keptOnceMade);
        return token -> decoder.flatMap(nimbus -> nimbus.decode(token));
    }

    @Bean
    SecurityWebFilterChain webSecurity(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            RateLimits rateLimits,
            SessionStore sessions) {
        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        ServerRequestCache whereTheyWere = new SignInDestination();
        RedirectServerAuthenticationEntryPoint signInFirst = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
        signInFirst.setRequestCache(whereTheyWere);
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(WebApplicationPages.SIGNED_IN_PAGES)
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                // First of all, after the security headers: a caller over their limit costs no session.
                .addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .requestCache(cache -> cache.requestCache(whereTheyWere))
                .oauth2Login(login -> login.authenticationSuccessHandler(signedIn(sessions, whereTheyWere)))
                .logout(logout -> logout.logoutHandler(
                                handlers -> handlers.addFirst(new RefreshTokenRevocation(authorizedClients)))
                        .logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens())
                        .requireCsrfProtectionMatcher(writesWithASessionCookie())
                        // A problem like every other error (ProblemErrorHandler), not a bare "Access Denied".
                        .accessDeniedHandler(WebLogin::csrfRefused))
                .headers(SecurityHeaders::apply)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint(
                                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                                        ServerWebExchangeMatchers.pathMatchers("/web/**", "/api/**"),
                                        new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)),
                                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                                        ServerWebExchangeMatchers.anyExchange(), signInFirst))))
                .build();
    }

    /** Back where the person was going, in a session that now lasts the full idle timeout. */
    private static ServerAuthenticationSuccessHandler signedIn(
            SessionStore sessions, ServerRequestCache whereTheyWere) {
        RedirectServerAuthenticationSuccessHandler backWhereTheyWere = new RedirectServerAuthenticationSuccessHandler();
        backWhereTheyWere.setRequestCache(whereTheyWere);
        return new DelegatingServerAuthenticationSuccessHandler(
                (exchange, authentication) ->
                        exchange.getExchange().getSession().flatMap(sessions::signedIn),
                backWhereTheyWere);
    }

    /**
     * A browser sends the session cookie with requests another site makes it send, so every write
     * that carries the cookie must carry the session's CSRF token too, whatever else it carries (an
     * Authorization header of its own included). Only a write without the cookie may rely on its own
     * bearer token.
     */
    private static ServerWebExchangeMatcher writesWithASessionCookie() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = method == HttpMethod.GET
                    || method == HttpMethod.HEAD
                    || method == HttpMethod.OPTIONS
                    || method == HttpMethod.TRACE;
            return !safe && exchange.getRequest().getCookies().containsKey(SecureSessionCookie.NAME)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * A write whose session has ended (expired, signed out) is told so (401), which makes the web
     * application ask the person to sign in again; a signed-in session without the token is refused (403).
     */
    private static Mono<Void> csrfRefused(ServerWebExchange exchange, AccessDeniedException denied) {
        return exchange.getSession()
                .flatMap(session -> Mono.error(new ResponseStatusException(
                        session.getAttribute(
                                                WebSessionServerSecurityContextRepository
                                                        .DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME)
                                        == null
                                ? HttpStatus.UNAUTHORIZED
                                : HttpStatus.FORBIDDEN,
                        denied.getMessage())));
    }
}

package be.bruzel.gateway.web;

import be.bruzel.gateway.limits.RateLimits;
import be.bruzel.gateway.sessions.SessionStore;
import be.bruzel.gateway.tokens.ServiceTokens;
import java.net.URI;
import java.util.Map;
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
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
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
import org.springframework.web.util.UriComponentsBuilder;
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
     * The endpoints are configured rather than discovered, so the gateway starts while the identity
     * provider is still starting. The paths default to Spring Authorization Server's.
     *
     * @param issuer the issuer as the tokens name it; browsers are sent here to sign in and out
     * @param identityProvider where the gateway itself reaches the identity provider: the issuer, but
     *        inside containers another host name
     */
    @ConfigurationProperties("platform.web.login")
    record Settings(
            URI issuer,
            URI identityProvider,
            String clientId,
            String clientSecret,
            String authorizationPath,
            String tokenPath,
            String jwkSetPath,
            String endSessionPath,
            String revocationPath) {

        Settings {
            identityProvider = identityProvider == null ? issuer : identityProvider;
        }
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(Settings settings) {
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(settings.issuer().toString())
                .authorizationUri(at(settings.issuer(), settings.authorizationPath()))
                .tokenUri(at(settings.identityProvider(), settings.tokenPath()))
                .jwkSetUri(at(settings.identityProvider(), settings.jwkSetPath()))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", at(settings.issuer(), settings.endSessionPath())))
                .build());
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
    ReactiveJwtDecoder bearerTokens(Settings settings) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        at(settings.identityProvider(), settings.jwkSetPath()))
                .validateType(false)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(settings.issuer().toString()), new JwtTypeValidator("at+jwt", "JWT")));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain webSecurity(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            Settings settings,
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
                .logout(logout -> logout.logoutHandler(handlers -> handlers.addFirst(new RefreshTokenRevocation(
                                authorizedClients,
                                URI.create(at(settings.identityProvider(), settings.revocationPath())))))
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

    private static String at(URI base, String path) {
        return UriComponentsBuilder.fromUri(base).path(path).build().toUriString();
    }
}

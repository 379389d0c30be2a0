package be.bruzel.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The demo users, and the claims the platform reads from their tokens. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    UserDetailsService users(DemoUsers demo) {
        return new InMemoryUserDetailsManager(demo.users().stream()
                .map(user -> User.withUsername(user.username())
                        // Stored as bcrypt hashes ({bcrypt}...), checked by Spring Security's delegating encoder.
                        .password(user.password())
                        .roles(user.roles().stream()
                                .map(role -> role.toUpperCase().replace('-', '_'))
                                .toArray(String[]::new))
                        .build())
                .toList());
    }

    /**
     * Access tokens (RFC 9068: typed {@code at+jwt}) carry what the services decide by: roles,
     * organisation, profession, care zone, and name, e-mail and language. One from sign-in is for the
     * gateway; one from a token exchange for the one service it asks for, and no other. ID tokens, for the
     * gateway only, carry who signed in (name, e-mail, language) and nothing a service would act on.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(
            DemoUsers demo,
            @Value("${demo.access-token-audience}") List<String> signInAudience,
            @Value("${demo.services}") List<String> services) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken =
                    OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (accessToken) {
                context.getJwsHeader().type("at+jwt");
                context.getClaims()
                        .audience(
                                context.getAuthorizationGrant()
                                                instanceof OAuth2TokenExchangeAuthenticationToken exchange
                                        ? oneServiceOf(exchange, context, signInAudience, services)
                                        : signInAudience);
            }
            demo.find(context.getPrincipal().getName()).ifPresent(user -> {
                Map<String, Object> claims = new HashMap<>();
                claims.put("name", user.name());
                claims.put("locale", user.locale());
                if (user.email() != null) {
                    claims.put("email", user.email());
                }
                if (idToken) {
                    context.getClaims().claims(existing -> existing.putAll(claims));
                    return;
                }
                claims.put("roles", user.roles());
                if (user.organisationId() != null) {
                    claims.put("organisation_id", user.organisationId());
                }
                if (user.profession() != null) {
                    claims.put("profession", user.profession());
                }
                if (user.careZone() != null) {
                    claims.put("care_zone", user.careZone());
                }
                context.getClaims().claims(existing -> existing.putAll(claims));
            });
        };
    }

    /**
     * A token exchange names exactly one of the platform's services (RFC 8693 {@code audience}), and
     * trades a token from sign-in only: a token already meant for one service buys no other.
     */
    private static List<String> oneServiceOf(
            OAuth2TokenExchangeAuthenticationToken exchange,
            JwtEncodingContext context,
            List<String> signInAudience,
            List<String> services) {
        Set<String> asked = exchange.getAudiences();
        if (asked.size() != 1 || !services.containsAll(asked)) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_target", "audience must name one of " + services, null));
        }
        OAuth2Authorization.Token<OAuth2Token> subject = context.getAuthorization() == null
                ? null
                : context.getAuthorization().getToken(exchange.getSubjectToken());
        Object subjectAudience = subject == null || subject.getClaims() == null
                ? null
                : subject.getClaims().get("aud");
        if (!(subjectAudience instanceof Collection<?> audience) || !audience.containsAll(signInAudience)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_GRANT, "only a token from sign-in can be exchanged", null));
        }
        return List.copyOf(asked);
    }
}

package be.bruzel.identity;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
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
                        .password("{noop}" + user.password())
                        .roles(user.roles().stream().map(role -> role.toUpperCase().replace('-', '_'))
                                .toArray(String[]::new))
                        .build())
                .toList());
    }

    /** Access and ID tokens carry the user's roles, organisation, care zone, name, e-mail and language. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(DemoUsers demo) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            demo.find(context.getPrincipal().getName()).ifPresent(user -> {
                Map<String, Object> claims = new HashMap<>();
                claims.put("name", user.name());
                claims.put("roles", user.roles());
                claims.put("locale", user.locale());
                if (user.email() != null) {
                    claims.put("email", user.email());
                }
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
}

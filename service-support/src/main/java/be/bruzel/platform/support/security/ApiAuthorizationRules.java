package be.bruzel.platform.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules, applied before the rule that every {@code /api/**} call is
 * signed in: e.g. the directory lets only administrators write. Method security still applies.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}

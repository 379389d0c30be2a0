package be.bruzel.platform.support.security;

import be.bruzel.platform.support.problem.ProblemResponseWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every {@code /api/**} call needs a valid bearer token of the configured issuer; health,
 * metrics and the API documentation are open. Refusals are problems like any other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(TokenClaims.class)
public class ResourceServerSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            TokenClaims claims,
            ProblemResponseWriter problems,
            ObjectProvider<ApiAuthorizationRules> serviceRules)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(exception));
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
        http.authorizeHttpRequests(requests -> {
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
                    requests.requestMatchers("/api/**")
                            .authenticated()
                            .anyRequest()
                            .permitAll();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own, so there is no CSRF to guard against.
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerConverter(claims)))
                                .authenticationEntryPoint(unauthorized)
                                .accessDeniedHandler(forbidden))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Only access tokens: their JWT type checked (Boot adds this validator to its decoder in place of the
     * default, which takes any JWT, ID tokens included).
     */
    @Bean
    JwtTypeValidator accessTokensOnly(@Value("${platform.security.access-token-types:at+jwt}") List<String> types) {
        return new JwtTypeValidator(types);
    }

    /** Boot's token decoder, its checks unchanged, each token checked once until it expires. */
    @Bean
    static BeanPostProcessor rememberCheckedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder ? new RememberedTokens(decoder) : bean;
            }
        };
    }

    /**
     * RFC 6750's challenge with its error code only: Spring's own adds a {@code resource_metadata}
     * address, which behind the gateway names the service's internal host and port, and the error's
     * description, which tells an attacker why a forged token failed.
     */
    static String challenge(AuthenticationException exception) {
        return exception instanceof OAuth2AuthenticationException failed
                        && failed.getError() instanceof BearerTokenError
                ? "Bearer error=\"" + failed.getError().getErrorCode() + "\""
                : "Bearer";
    }
}

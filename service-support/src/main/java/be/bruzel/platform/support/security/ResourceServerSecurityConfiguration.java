package be.bruzel.platform.support.security;

import be.bruzel.platform.support.problem.ProblemResponseWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
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
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenClaims claims, ProblemResponseWriter problems,
            ObjectProvider<ApiAuthorizationRules> serviceRules) throws Exception {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            challenge.commence(request, response, exception);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
        http.authorizeHttpRequests(requests -> {
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
                    requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own, so there is no CSRF to guard against.
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerConverter(claims)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }
}

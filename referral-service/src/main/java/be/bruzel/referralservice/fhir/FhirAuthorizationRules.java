package be.bruzel.referralservice.fhir;

import be.bruzel.platform.support.security.ApiAuthorizationRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * What the FHIR API shows without sign-in holds no personal data: what it can do, and the themes' codes.
 * Everything else under it needs a valid token, as the REST API does.
 */
@Component
class FhirAuthorizationRules implements ApiAuthorizationRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(
                        HttpMethod.GET,
                        FhirEndpoint.BASE + "/metadata",
                        FhirEndpoint.BASE + "/CodeSystem",
                        FhirEndpoint.BASE + "/CodeSystem/*")
                .permitAll()
                .requestMatchers(FhirEndpoint.BASE, FhirEndpoint.BASE + "/**")
                .authenticated();
    }
}

package be.bruzel.referralservice.personvoice;

import be.bruzel.platform.support.security.ApiAuthorizationRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The person's page needs no sign-in: the signed, single-use link is what lets them in, to their question only. */
@Component
class PersonSurveyAuthorizationRules implements ApiAuthorizationRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(PersonSurveyController.PATH).permitAll();
    }
}

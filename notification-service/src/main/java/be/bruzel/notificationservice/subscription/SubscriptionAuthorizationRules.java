package be.bruzel.notificationservice.subscription;

import be.bruzel.platform.support.security.ApiAuthorizationRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A subscription is a referrer's: every request about one needs their token. */
@Component
class SubscriptionAuthorizationRules implements ApiAuthorizationRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(SubscriptionEndpoint.PATH, SubscriptionEndpoint.PATH + "/**")
                .authenticated();
    }
}

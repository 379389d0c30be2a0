package be.bruzel.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo identity provider, with users whose password everyone knows, cannot end up in
 * production: without the demo profile it does not start.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo")
class OutsideTheDemo {

    OutsideTheDemo() {
        throw new IllegalStateException("The demo identity provider runs only in the demo profile "
                + "(SPRING_PROFILES_ACTIVE=demo). Production signs in with the care zone's own OpenID Connect "
                + "provider: see the README, Configure.");
    }
}

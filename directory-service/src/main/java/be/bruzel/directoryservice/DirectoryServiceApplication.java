package be.bruzel.directoryservice;

import be.bruzel.platform.support.security.ApiAuthorizationRules;
import be.bruzel.platform.support.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectoryServiceApplication.class, args);
    }

    /**
     * Anyone signed in reads the social map, anyone at all through the HSDS API; only administrators change it, but for
     * a service's capacity, listing and check, which its organisation's coordinators keep too (the service then checks
     * that it is theirs). Checked before the request body is read, so a refused caller learns nothing from validation
     * errors.
     */
    @Bean
    ApiAuthorizationRules onlyAdministratorsChangeTheDirectory() {
        return requests -> {
            // The HSDS API is open, as Open Referral's profiles expect: the social map holds no personal data.
            requests.requestMatchers(HttpMethod.GET, "/api/directory/hsds/v3", "/api/directory/hsds/v3/**")
                    .permitAll();
            requests.requestMatchers(
                            HttpMethod.PUT, "/api/directory/services/*/capacity", "/api/directory/services/*/listing")
                    .hasAnyRole(Role.ADMINISTRATOR.name(), Role.ORGANISATION_COORDINATOR.name());
            requests.requestMatchers(HttpMethod.POST, "/api/directory/services/*/checked")
                    .hasAnyRole(Role.ADMINISTRATOR.name(), Role.ORGANISATION_COORDINATOR.name());
            for (HttpMethod write :
                    new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
                requests.requestMatchers(write, "/api/directory/**").hasRole(Role.ADMINISTRATOR.name());
            }
        };
    }
}

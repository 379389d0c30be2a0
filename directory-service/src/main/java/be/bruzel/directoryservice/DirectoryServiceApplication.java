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
     * Anyone signed in reads the social map; only administrators change it. Checked before the
     * request body is read, so a refused caller learns nothing from validation errors.
     */
    @Bean
    ApiAuthorizationRules onlyAdministratorsChangeTheDirectory() {
        return requests -> {
            for (HttpMethod write :
                    new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
                requests.requestMatchers(write, "/api/directory/**").hasRole(Role.ADMINISTRATOR.name());
            }
        };
    }
}

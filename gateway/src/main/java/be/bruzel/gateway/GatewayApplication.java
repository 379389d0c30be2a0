package be.bruzel.gateway;

import be.bruzel.gateway.limits.RateLimits;
import be.bruzel.gateway.limits.RequestBodyLimit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableConfigurationProperties({ServiceRoutes.Settings.class, RequestBodyLimit.Settings.class, RateLimits.Settings.class
})
@EnableScheduling
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

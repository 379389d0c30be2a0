package be.bruzel.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-defaults.yml} as the lowest-priority settings of every service, so each
 * service's own {@code application.yml} states only what is its own and may override any of them.
 * In the demo profile, {@code service-defaults-demo.yml} comes before them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            add(environment, "service-defaults-demo.yml");
        }
        add(environment, "service-defaults.yml");
    }

    private static void add(ConfigurableEnvironment environment, String file) {
        try {
            new YamlPropertySourceLoader()
                    .load(file, new ClassPathResource(file))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

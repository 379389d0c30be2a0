package be.bruzel.platform.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A process refuses to start outside the {@code demo} profile when one of its secrets is missing or
 * is the demo's. Its secrets are the settings its {@code application-demo.yml} gives a password,
 * secret or key: there they have the demo's values, as defaults such as {@code ${REFERRAL_DB_PASSWORD:referral}}.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

    static final String DEMO = "demo";
    private static final Pattern SECRET = Pattern.compile("(password|secret|key)$");
    private static final Pattern DEFAULT = Pattern.compile("^\\$\\{[^:}]+:(.*)}$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(DEMO))) {
            return;
        }
        List<String> refused = refusedSecrets(environment, demoSettings(new ClassPathResource("application-demo.yml")));
        if (!refused.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start outside the demo profile: " + String.join("; ", refused)
                            + ". Set your own (see the README, Configure), or start the demo with SPRING_PROFILES_ACTIVE=demo.");
        }
    }

    /** Each secret of the demo settings that is blank here, or has the demo's value. */
    static List<String> refusedSecrets(ConfigurableEnvironment environment, Map<String, String> demoSettings) {
        List<String> refused = new ArrayList<>();
        demoSettings.forEach((name, demoValue) -> {
            if (!SECRET.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                return;
            }
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                refused.add(name + " is not set");
            } else if (value.equals(demoDefault(demoValue))) {
                refused.add(name + " is the demo's");
            }
        });
        return refused;
    }

    /** The settings of a demo profile file, as written (placeholders unresolved); none when there is no file. */
    static Map<String, String> demoSettings(Resource file) {
        if (!file.exists()) {
            return Map.of();
        }
        try {
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("demo", file)) {
                ((OriginTrackedMapPropertySource) source)
                        .getSource()
                        .forEach((name, value) -> settings.put(name, String.valueOf(value)));
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String demoDefault(String written) {
        Matcher placeholder = DEFAULT.matcher(written);
        return placeholder.matches() ? placeholder.group(1) : written;
    }
}

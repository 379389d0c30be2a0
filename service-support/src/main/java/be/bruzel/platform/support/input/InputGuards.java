package be.bruzel.platform.support.input;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every service refuses of its input before a rule of its own runs: control characters in
 * texts and parameters. Sizes and depths of JSON are bounded in {@code service-defaults.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class InputGuards implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer textsWithoutControlCharacters() {
        return builder -> builder.addModule(
                new SimpleModule("platform-texts").addDeserializer(String.class, new TextDeserializer()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterGuard());
    }
}

package be.bruzel.statisticsservice.pseudonyms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PseudonymsConfiguration {

    @Bean
    Pseudonyms pseudonyms(@Value("${platform.statistics.pseudonym-key}") String key) {
        return new Pseudonyms(key);
    }
}

package be.bruzel.statisticsservice.statistics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    ReferrerPseudonyms referrerPseudonyms(@Value("${platform.statistics.pseudonym-key}") String key) {
        return new ReferrerPseudonyms(key);
    }
}

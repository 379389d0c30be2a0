package be.bruzel.platform.support;

import be.bruzel.platform.support.inbox.ProcessedEvents;
import be.bruzel.platform.support.input.InputGuards;
import be.bruzel.platform.support.kafka.DeadLetters;
import be.bruzel.platform.support.kafka.KafkaHealthIndicator;
import be.bruzel.platform.support.kafka.PlatformTopics;
import be.bruzel.platform.support.problem.ProblemDetailsAdvice;
import be.bruzel.platform.support.problem.ProblemMessages;
import be.bruzel.platform.support.problem.ProblemResponseWriter;
import be.bruzel.platform.support.security.ResourceServerSecurityConfiguration;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/** What every servlet service of the platform shares; a service only adds its own features. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@Import({ResourceServerSecurityConfiguration.class, InputGuards.class})
@EnableConfigurationProperties(PlatformTopics.class)
public class PlatformServiceAutoConfiguration {

    /** The time, as a bean, so that tests can set it (working days, escalation deadlines). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Async work (the outbox relay) continues the trace of the request that caused it. */
    @Bean
    @ConditionalOnMissingBean
    TaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    ProblemMessages problemMessages(MessageSource messageSource) {
        return new ProblemMessages(messageSource);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(ProblemMessages messages) {
        return new ProblemDetailsAdvice(messages);
    }

    @Bean
    ProblemResponseWriter problemResponseWriter(ProblemMessages messages, JsonMapper json) {
        return new ProblemResponseWriter(messages, json);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(
            KafkaAdmin admin, @Value("${platform.kafka.health-timeout:3s}") Duration timeout) {
        return new KafkaHealthIndicator(admin, timeout);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformTopics topics) {
        return new KafkaAdmin.NewTopics(topics.newTopics());
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(
            ProducerFactory<?, ?> producers,
            @Value("${platform.kafka.consumer-retry-time:30s}") Duration maxRetryTime) {
        return DeadLetters.errorHandler(producers, maxRetryTime);
    }
}

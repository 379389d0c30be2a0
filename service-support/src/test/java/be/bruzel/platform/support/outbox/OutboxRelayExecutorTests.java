package be.bruzel.platform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.support.ServiceDefaults;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The events of one aggregate must reach Kafka in the order they happened. */
class OutboxRelayExecutorTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(
                    app -> new ServiceDefaults().postProcessEnvironment(app.getEnvironment(), new SpringApplication()))
            .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withBean(
                    OutboxRelay.EXECUTOR,
                    ThreadPoolTaskExecutor.class,
                    () -> new OutboxAutoConfiguration().outboxRelayExecutor());

    @Test
    void eventsAreSentOneAfterTheOtherInTheOrderTheyCommitted() {
        context.run(app -> {
            ThreadPoolTaskExecutor relay = app.getBean(OutboxRelay.EXECUTOR, ThreadPoolTaskExecutor.class);
            assertThat(relay.getMaxPoolSize()).isEqualTo(1);

            // The first send waits for the broker; the second, handed over later, must not overtake it.
            CountDownLatch brokerAnswers = new CountDownLatch(1);
            StringBuffer sent = new StringBuffer();
            relay.execute(() -> {
                await(brokerAnswers);
                sent.append("submitted ");
            });
            relay.execute(() -> sent.append("accepted"));
            brokerAnswers.countDown();
            relay.submit(() -> {}).get(5, TimeUnit.SECONDS);

            assertThat(sent).hasToString("submitted accepted");
        });
    }

    @Test
    void theServiceKeepsBootsOwnExecutorForEverythingElse() {
        context.run(app -> assertThat(app)
                .hasBean("applicationTaskExecutor")
                .getBeans(TaskExecutor.class)
                .hasSize(2));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

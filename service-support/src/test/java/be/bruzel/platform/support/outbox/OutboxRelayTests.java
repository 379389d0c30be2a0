package be.bruzel.platform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ServiceCheckDue;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.support.ServiceDefaults;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.aopalliance.intercept.MethodInterceptor;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskExecutor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The relay hands each event to the producer on the outbox thread without waiting for the broker,
 * in the order the transactions committed, and completes its publication only once the broker has
 * acknowledged it. The producer is Kafka's own in-memory one, which answers only when told to; an
 * inner advisor stands where Spring Modulith's completion registration stands.
 */
class OutboxRelayTests {

    private final MockProducer<String, CloudEvent> producer =
            new MockProducer<>(false, null, new StringSerializer(), (topic, event) -> new byte[0]);
    private final ThreadPoolTaskExecutor outbox = new OutboxAutoConfiguration().outboxExecutor();
    private final List<String> registeredOn = new CopyOnWriteArrayList<>();
    private final OutboxRelay relay;

    OutboxRelayTests() {
        outbox.initialize();
        ProxyFactory proxy = new ProxyFactory(
                new OutboxRelay(new KafkaTemplate<>(() -> producer), new CloudEventCodec("/test"), outbox));
        proxy.setProxyTargetClass(true);
        proxy.addAdvisor(new OnTheOutboxThread(outbox));
        proxy.addAdvice((MethodInterceptor) invocation -> {
            registeredOn.add(Thread.currentThread().getName());
            return invocation.proceed();
        });
        relay = (OutboxRelay) proxy.getProxy();
    }

    @AfterEach
    void stop() {
        outbox.shutdown();
    }

    @Test
    void anEventIsHandedToTheProducerWithoutWaitingForTheBrokerAndCompletedOnlyWhenItAcknowledges() {
        CompletableFuture<Void> first = relay.relay(themeChanged("LONELINESS"));
        CompletableFuture<Void> second = relay.relay(themeChanged("DEBTS"));

        await().until(() -> producer.history().size() == 2);
        assertThat(first).as("not complete before the broker answers").isNotDone();
        assertThat(second).isNotDone();

        AtomicReference<String> completedOn = new AtomicReference<>();
        CompletableFuture<Void> marked =
                first.thenRun(() -> completedOn.set(Thread.currentThread().getName()));
        producer.completeNext();

        await().until(marked::isDone);
        assertThat(first).isCompletedWithValue(null);
        assertThat(completedOn.get())
                .as("the completion is written on the outbox thread, not the producer's")
                .startsWith("outbox-");
        assertThat(second).as("still waiting for its own acknowledgement").isNotDone();
    }

    @Test
    void thePublicationIsRegisteredOnTheOutboxThreadNotOnTheCommittingOneWhichHoldsItsConnection() {
        relay.relay(themeChanged("LONELINESS"));

        await().until(() -> producer.history().size() == 1);
        assertThat(registeredOn).singleElement().asString().startsWith("outbox-");
    }

    @Test
    void eventsReachTheProducerInTheOrderTheirTransactionsCommitted() {
        List<String> themes = List.of("LONELINESS", "DEBTS", "HOUSING", "PAPERWORK", "HEALTH");
        themes.forEach(theme -> relay.relay(themeChanged(theme)));
        relay.relay(checkDue("service-1"));
        assertThat(outbox.getMaxPoolSize()).as("one sending thread").isEqualTo(1);

        await().until(() -> producer.history().size() == 6);
        assertThat(producer.history().stream().map(ProducerRecord::key))
                .containsExactly("LONELINESS", "DEBTS", "HOUSING", "PAPERWORK", "HEALTH", "service-1");
        assertThat(producer.history().stream().map(ProducerRecord::topic))
                .containsExactly(
                        "directory.themes",
                        "directory.themes",
                        "directory.themes",
                        "directory.themes",
                        "directory.themes",
                        "directory.service-checks");
    }

    @Test
    void aSendTheBrokerRefusesCompletesExceptionallySoThePublicationStaysIncomplete() {
        CompletableFuture<Void> sent = relay.relay(themeChanged("LONELINESS"));

        await().until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("no broker"));

        await().until(sent::isDone);
        assertThat(sent).isCompletedExceptionally();
    }

    @Test
    void theServiceKeepsBootsOwnExecutorForEverythingElse() {
        new ApplicationContextRunner()
                .withInitializer(app ->
                        new ServiceDefaults().postProcessEnvironment(app.getEnvironment(), new SpringApplication()))
                .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
                .withBean(
                        OutboxAutoConfiguration.EXECUTOR,
                        ThreadPoolTaskExecutor.class,
                        () -> new OutboxAutoConfiguration().outboxExecutor())
                .run(app -> assertThat(app)
                        .hasBean("applicationTaskExecutor")
                        .getBeans(TaskExecutor.class)
                        .hasSize(2));
    }

    private static ThemeChanged themeChanged(String code) {
        return new ThemeChanged(UUID.randomUUID(), Instant.now(), code, code, code, code, true);
    }

    private static ServiceCheckDue checkDue(String serviceId) {
        return new ServiceCheckDue(UUID.randomUUID(), Instant.now(), serviceId, "organisation-1", "nl", "fr", null);
    }
}

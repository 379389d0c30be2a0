package be.bruzel.platformtests;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark, not a test: how many events one outbox thread relays to the broker per second, the
 * way it did (each send waited for its acknowledgement before the next) against the way it does
 * (each handed to the producer at once, its completion marked on the outbox thread when the broker
 * acknowledges). The services' producer settings (acks=all, idempotent) but Kafka's default linger
 * (5 ms; the services have lingered 20 ms since), the embedded broker, arms alternated in the same
 * JVM. Spring Modulith's bookkeeping (two small updates per event) is the same in both and left out.
 * Run with {@code scripts/benchmark OutboxRelayBenchmark}.
 */
public final class OutboxRelayBenchmark {

    private static final int EVENTS = 5_000;
    private static final int ROUNDS = 4;
    private static final int AGGREGATES = 500;
    private static final String TOPIC = Topics.REFERRAL_EVENTS;
    private static final CloudEventCodec CODEC = new CloudEventCodec("/referral-service");

    private OutboxRelayBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(OutboxRelayBenchmark::run);
    }

    private static void run() throws Exception {
        String broker = TestInfrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get();
            }
        }
        ExecutorService outbox = Executors.newSingleThreadExecutor();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new CloudEventSerializer())) {
            List<CloudEvent> events = events();
            // Warm-up: both arms once, not counted.
            waitingForEachAcknowledgement(producer, outbox, events.subList(0, 1_000));
            handingOver(producer, outbox, events.subList(0, 1_000));
            List<Double> waiting = new ArrayList<>();
            List<Double> handing = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                waiting.add(waitingForEachAcknowledgement(producer, outbox, events));
                handing.add(handingOver(producer, outbox, events));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nOutbox relay, one thread, %d events per round, %d rounds alternating, embedded broker%n"
                            + "waiting for each acknowledgement (before): %s events/s%n"
                            + "handing over, completed on acknowledgement (after): %s events/s%n",
                    EVENTS,
                    ROUNDS,
                    figures(waiting),
                    figures(handing));
        } finally {
            outbox.shutdown();
        }
    }

    private static double waitingForEachAcknowledgement(
            KafkaProducer<String, CloudEvent> producer, ExecutorService outbox, List<CloudEvent> events) {
        long started = System.nanoTime();
        List<CompletableFuture<Void>> relayed = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            relayed.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            producer.send(record(event)).get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    outbox));
        }
        CompletableFuture.allOf(relayed.toArray(CompletableFuture[]::new)).join();
        return events.size() / seconds(started);
    }

    private static double handingOver(
            KafkaProducer<String, CloudEvent> producer, ExecutorService outbox, List<CloudEvent> events) {
        long started = System.nanoTime();
        List<CompletableFuture<Void>> relayed = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            CompletableFuture<Void> completed = new CompletableFuture<>();
            outbox.execute(() -> producer.send(
                    record(event),
                    (sent, failure) -> outbox.execute(() -> {
                        if (failure == null) {
                            completed.complete(null);
                        } else {
                            completed.completeExceptionally(failure);
                        }
                    })));
            relayed.add(completed);
        }
        CompletableFuture.allOf(relayed.toArray(CompletableFuture[]::new)).join();
        return events.size() / seconds(started);
    }

    private static List<CloudEvent> events() {
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add(UUID.randomUUID());
        }
        List<CloudEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            UUID referral = aggregates.get(i % AGGREGATES);
            ReferralAccepted accepted = new ReferralAccepted(
                    UUID.randomUUID(), Instant.now(), referral, "org-" + (i % 7), "service-" + (i % 7));
            events.add(CODEC.encode(accepted));
        }
        return events;
    }

    /** A record of its own for each send: the producer closes a sent record's headers. */
    private static ProducerRecord<String, CloudEvent> record(CloudEvent event) {
        return new ProducerRecord<>(TOPIC, event.getSubject(), event);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String figures(List<Double> rounds) {
        return String.join(
                " / ",
                rounds.stream()
                        .map(rate -> String.format(Locale.ROOT, "%.0f", rate))
                        .toList());
    }
}

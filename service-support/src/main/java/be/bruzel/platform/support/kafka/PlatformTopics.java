package be.bruzel.platform.support.kafka;

import be.bruzel.platform.events.Topics;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics a service produces to, declared at start with their dead-letter topics.
 * Partitions and replication are configuration so that a cluster can set its own.
 */
@ConfigurationProperties("platform.kafka")
public record PlatformTopics(List<Declared> topics) {

    public PlatformTopics {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /**
     * @param compacted keep only the newest record per key (for topics that carry current state)
     * @param keptForever never delete records by age: the topic is an event log that read models are rebuilt from
     */
    public record Declared(String name, int partitions, short replicas, boolean compacted, boolean keptForever) {}

    public NewTopic[] newTopics() {
        return topics.stream()
                .flatMap(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic.name())
                            .partitions(topic.partitions())
                            .replicas(topic.replicas());
                    if (topic.compacted()) {
                        builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                    }
                    if (topic.keptForever()) {
                        builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
                    }
                    NewTopic deadLetters = TopicBuilder.name(Topics.deadLetterOf(topic.name()))
                            .partitions(topic.partitions())
                            .replicas(topic.replicas())
                            .build();
                    return Stream.of(builder.build(), deadLetters);
                })
                .toArray(NewTopic[]::new);
    }
}

package be.bruzel.localplatform;

import be.bruzel.platform.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service may do on Kafka, and nothing more: write the topics of its own aggregates, read
 * the topics it consumes (and write their dead letters), declare both with their dead letters, and use
 * the consumer groups named after it. A service's Kafka user is its name.
 */
public final class PlatformKafkaAcls {

    /** @param produces topics it writes; @param consumes topics it reads */
    record Access(String service, List<String> produces, List<String> consumes) {}

    static final List<String> DIRECTORY_TOPICS = List.of(
            Topics.DIRECTORY_SERVICES,
            Topics.DIRECTORY_ROUTING_RULES,
            Topics.DIRECTORY_TERRITORY,
            Topics.DIRECTORY_THEMES);

    static final List<Access> SERVICES = List.of(
            // It reads the referral events for its services' live figures; it asks for listings to be checked.
            new Access(
                    "directory-service",
                    concat(DIRECTORY_TOPICS, List.of(Topics.DIRECTORY_SERVICE_CHECKS)),
                    List.of(Topics.REFERRAL_EVENTS)),
            new Access(
                    "referral-service",
                    List.of(Topics.REFERRAL_EVENTS),
                    concat(List.of(Topics.REFERRAL_EVENTS), DIRECTORY_TOPICS)),
            new Access(
                    "notification-service",
                    List.of(),
                    List.of(
                            Topics.REFERRAL_EVENTS,
                            Topics.DIRECTORY_SERVICES,
                            Topics.DIRECTORY_TERRITORY,
                            // The themes' names, for the e-mails that name a referral's themes.
                            Topics.DIRECTORY_THEMES,
                            Topics.DIRECTORY_SERVICE_CHECKS)),
            new Access("statistics-service", List.of(), concat(List.of(Topics.REFERRAL_EVENTS), DIRECTORY_TOPICS)));

    private PlatformKafkaAcls() {}

    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Access access : SERVICES) {
            String user = "User:" + access.service();
            for (String topic : access.produces()) {
                allow(
                        bindings,
                        user,
                        topic(topic),
                        AclOperation.WRITE,
                        AclOperation.DESCRIBE,
                        AclOperation.CREATE,
                        AclOperation.DESCRIBE_CONFIGS,
                        AclOperation.ALTER_CONFIGS);
                // It declares its topics' dead letters too; their consumers write them.
                allow(
                        bindings,
                        user,
                        topic(Topics.deadLetterOf(topic)),
                        AclOperation.DESCRIBE,
                        AclOperation.CREATE,
                        AclOperation.DESCRIBE_CONFIGS);
            }
            for (String topic : access.consumes()) {
                allow(
                        bindings,
                        user,
                        topic(topic),
                        AclOperation.READ,
                        AclOperation.DESCRIBE,
                        AclOperation.CREATE,
                        AclOperation.DESCRIBE_CONFIGS);
                allow(
                        bindings,
                        user,
                        topic(Topics.deadLetterOf(topic)),
                        AclOperation.WRITE,
                        AclOperation.DESCRIBE,
                        AclOperation.CREATE,
                        AclOperation.DESCRIBE_CONFIGS);
            }
            allow(
                    bindings,
                    user,
                    new ResourcePattern(ResourceType.GROUP, access.service(), PatternType.PREFIXED),
                    AclOperation.READ,
                    AclOperation.DESCRIBE);
        }
        return bindings;
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static void allow(
            List<AclBinding> bindings, String user, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(
                    new AclBinding(resource, new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    private static List<String> concat(List<String> one, List<String> other) {
        List<String> both = new ArrayList<>(one);
        both.addAll(other);
        return List.copyOf(both);
    }
}

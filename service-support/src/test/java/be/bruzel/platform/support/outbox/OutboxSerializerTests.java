package be.bruzel.platform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.events.ServiceCheckDue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutboxSerializerTests {

    private final OutboxSerializer serializer =
            new OutboxSerializer(JsonMapper.builder().build());

    @Test
    void anEventReadBackFromTheOutboxIsTheEventThatWasWritten() {
        ServiceCheckDue due = new ServiceCheckDue(
                UUID.randomUUID(),
                Instant.parse("2026-12-07T08:30:00Z"),
                "service-1",
                "organisation-1",
                "Buurtwerk",
                "Travail de quartier",
                LocalDate.parse("2026-06-01"));

        Object written = serializer.serialize(due);

        assertThat(written).asString().contains("\"serviceId\":\"service-1\"");
        assertThat(serializer.deserialize(written, ServiceCheckDue.class)).isEqualTo(due);
    }
}

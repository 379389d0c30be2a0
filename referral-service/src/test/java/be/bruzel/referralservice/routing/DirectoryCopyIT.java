package be.bruzel.referralservice.routing;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.directorycopy.DirectoryCopy;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The copy of the directory that routing reads (directory-copy), as referral-service keeps it. */
@ServiceIntegrationTest
class DirectoryCopyIT {

    private static final CloudEventCodec CODEC = new CloudEventCodec("/directory-service");

    @Autowired
    DirectoryCopy copy;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRedeliveredEventHasOneEffectAndAnOlderStateNeverOverwritesANewerOne() {
        String id = "copy-test-" + UUID.randomUUID();
        CloudEvent full = CODEC.encode(service(id, "FULL", Instant.parse("2026-05-02T10:00:00Z")));

        copy.on(full);
        copy.on(full);
        copy.on(CODEC.encode(service(id, "OPEN", Instant.parse("2026-05-01T10:00:00Z"))));

        assertThat(jdbc.sql("SELECT capacity FROM directory_service WHERE service_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("FULL");
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :event")
                        .param("consumer", "referral-service.directory-copy")
                        .param("event", UUID.fromString(full.getId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void routingReadsAChangeKeptByAnotherInstanceOnceTheRevisionMoves() {
        String id = "copy-test-" + UUID.randomUUID();
        copy.on(CODEC.encode(service(id, "org-a", "OPEN", Instant.parse("2026-05-01T10:00:00Z"))));
        assertThat(directory.organisationOf(id)).contains("org-a");

        // Another instance of the service keeps the next change: its rows, then the revision, in its transaction.
        jdbc.sql("UPDATE directory_service SET organisation_id = 'org-b' WHERE service_id = :id")
                .param("id", id)
                .update();
        assertThat(directory.organisationOf(id))
                .as("the copy held in memory answers until the revision moves")
                .contains("org-a");
        jdbc.sql("UPDATE directory_copy_revision SET revision = nextval('directory_copy_change')")
                .update();

        assertThat(directory.organisationOf(id)).contains("org-b");
        assertThat(directory.knowsOrganisation("org-b")).isTrue();
    }

    @Test
    void aTransactionRoutesByOneViewOfTheCopyAndSeesWhatItKeepsItself() {
        String id = "copy-test-" + UUID.randomUUID();
        copy.on(CODEC.encode(service(id, "org-a", "OPEN", Instant.parse("2026-05-01T10:00:00Z"))));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        TransactionTemplate another = new TransactionTemplate(transactions);
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            assertThat(directory.organisationOf(id)).contains("org-a");
            another.executeWithoutResult(other ->
                    copy.on(CODEC.encode(service(id, "org-b", "OPEN", Instant.parse("2026-05-02T10:00:00Z")))));
            assertThat(directory.organisationOf(id))
                    .as("a change committed meanwhile waits for the next transaction")
                    .contains("org-a");
            copy.on(CODEC.encode(service(id, "org-c", "OPEN", Instant.parse("2026-05-03T10:00:00Z"))));
            assertThat(directory.organisationOf(id)).contains("org-c");
        });
        assertThat(directory.organisationOf(id)).contains("org-c");
    }

    @Test
    void aCopyReadInATransactionThatRolledBackNeverPassesForOneThatCommitted() {
        String id = "copy-test-" + UUID.randomUUID();
        copy.on(CODEC.encode(service(id, "org-a", "OPEN", Instant.parse("2026-05-01T10:00:00Z"))));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            copy.on(CODEC.encode(service(id, "org-x", "OPEN", Instant.parse("2026-05-02T10:00:00Z"))));
            assertThat(directory.organisationOf(id)).contains("org-x");
            status.setRollbackOnly();
        });
        // Another instance keeps the next change.
        jdbc.sql("UPDATE directory_service SET organisation_id = 'org-b' WHERE service_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE directory_copy_revision SET revision = nextval('directory_copy_change')")
                .update();

        assertThat(directory.organisationOf(id)).contains("org-b");
    }

    @Test
    void keepingAChangeMovesTheRevisionAndARedeliveryDoesNot() {
        CloudEvent change = CODEC.encode(service("copy-test-" + UUID.randomUUID(), "org", "OPEN", Instant.now()));
        long before = revision();

        copy.on(change);
        long after = revision();
        copy.on(change);

        assertThat(after).isNotEqualTo(before);
        assertThat(revision()).isEqualTo(after);
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM directory_copy_revision")
                .query(Long.class)
                .single();
    }

    private static ServiceChanged service(String id, String capacity, Instant at) {
        return service(id, "org", capacity, at);
    }

    private static ServiceChanged service(String id, String organisation, String capacity, Instant at) {
        return new ServiceChanged(
                UUID.randomUUID(),
                at,
                id,
                organisation,
                id,
                id,
                true,
                List.of("finances"),
                List.of("nl"),
                List.of(),
                capacity,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }
}

package be.bruzel.directoryservice.publication;

import static be.bruzel.directoryservice.DirectoryFixtures.ADMIN;
import static be.bruzel.directoryservice.DirectoryFixtures.eventsOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.AreaChanged;
import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A consumer can build its copy of the directory from the compacted topics alone. */
@ServiceIntegrationTest
class DirectorySnapshotIT {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromTheFirstStartTheTerritoryThemesServicesAndHelpdesksAreOnTheTopics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(eventsOn(Topics.DIRECTORY_TERRITORY, AreaChanged.class, "area:21004-haren"))
                    .first()
                    .satisfies(haren -> {
                        assertThat(haren.postcodes()).containsExactly("1130");
                        assertThat(haren.careZones())
                                .first()
                                .extracting(AreaChanged.ZonePeriod::careZoneCode)
                                .isEqualTo("noord");
                    });
            assertThat(eventsOn(Topics.DIRECTORY_TERRITORY, CareZoneChanged.class, "care-zone:noord"))
                    .last()
                    .extracting(CareZoneChanged::helpdeskEmail)
                    .isEqualTo("helpdesk.noord@bruzel.example");
            assertThat(eventsOn(Topics.DIRECTORY_THEMES, ThemeChanged.class, "housing"))
                    .isNotEmpty();
            assertThat(eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, "ocmw-jette-schuldbemiddeling"))
                    .isNotEmpty();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM directory_snapshot WHERE actor_id = 'directory-service'")
                        .query(Long.class)
                        .single())
                .as("published once, on the first start")
                .isEqualTo(1);
    }

    @Test
    void anAdministratorPublishesTheWholeDirectoryAgain() {
        assertThat(mvc.post().uri("/api/directory/snapshots").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.events")
                .asNumber()
                .satisfies(events -> assertThat(events.intValue()).isGreaterThan(300 + 24 + 5 + 12));
        assertThat(jdbc.sql("SELECT count(*) FROM directory_snapshot WHERE actor_id = 'admin'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}

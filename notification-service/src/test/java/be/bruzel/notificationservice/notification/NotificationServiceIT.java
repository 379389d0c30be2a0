package be.bruzel.notificationservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralLogged;
import be.bruzel.platform.events.ReferralReceived;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceBaseline;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ServiceIntegrationTest
// Closed after its tests: a context left running would send, from the shared database, the mails of the next one.
@DirtiesContext
class NotificationServiceIT extends ServiceBaseline {

    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ReferralEventsListener listener;

    @Override
    protected List<String> migrationVersions() {
        return List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Override
    protected String protectedEndpoint() {
        return "/api/notifications";
    }

    @Test
    void aBadPageSizeIsNamedInTheProblem() {
        assertThat(mvc.get()
                        .uri("/api/notifications?size=0")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                        .header(HttpHeaders.AUTHORIZATION, referrer("gp.anywhere")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("size");
                    assertThat(json).extractingPath("$.title").isEqualTo("Controleer het formulier");
                });
    }

    @Test
    void aSubmittedReferralIsToldToEveryoneOfTheReceivingOrganisationAndNobodyElse() throws Exception {
        ReferralSubmitted submitted = submittedBy("gp.jette", "ocmw-jette");

        send(submitted);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mvc.get()
                                .uri("/api/notifications")
                                .header(HttpHeaders.AUTHORIZATION, worker("sofie", "ocmw-jette")))
                        .hasStatusOk()
                        .bodyJson()
                        .satisfies(json -> {
                            assertThat(json).extractingPath("$.unread").isEqualTo(1);
                            assertThat(json).extractingPath("$.items[0].type").isEqualTo("REFERRAL_SUBMITTED");
                            assertThat(json)
                                    .extractingPath("$.items[0].referralId")
                                    .isEqualTo(submitted.referralId().toString());
                        }));
        assertThat(unread(worker("jan", "ocmw-jette"))).isEqualTo(1);
        assertThat(unread(referrer("gp.jette"))).isZero();
        assertThat(unread(worker("nadia", "caw-brussel"))).isZero();
    }

    @Test
    void theReferrerHearsBackAndEachReaderMarksReadForThemselves() throws Exception {
        ReferralSubmitted submitted = submittedBy("gp.laken", "ldc-laken");
        send(submitted);
        send(new ReferralAccepted(UUID.randomUUID(), Instant.now(), submitted.referralId(), "ldc-laken", null));
        send(new ContactAttemptLogged(
                UUID.randomUUID(),
                Instant.now(),
                submitted.referralId(),
                UUID.randomUUID(),
                "ldc-laken",
                Instant.now(),
                "PHONE",
                true));
        send(new ContactAttemptLogged(
                UUID.randomUUID(),
                Instant.now(),
                submitted.referralId(),
                UUID.randomUUID(),
                "ldc-laken",
                Instant.now(),
                "PHONE",
                true));
        send(new ReferralCompleted(UUID.randomUUID(), Instant.now(), submitted.referralId(), "ldc-laken", "SOLVED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> unread(referrer("gp.laken")) == 3);
        assertThat(typesOf(referrer("gp.laken")))
                .containsExactlyInAnyOrder("REFERRAL_ACCEPTED", "FIRST_CONTACT_MADE", "REFERRAL_COMPLETED");

        String first = JsonPath.read(body(referrer("gp.laken")), "$.items[0].id");
        assertThat(mvc.post()
                        .uri("/api/notifications/" + first + "/read")
                        .header(HttpHeaders.AUTHORIZATION, referrer("gp.laken")))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(unread(referrer("gp.laken"))).isEqualTo(2);
        assertThat(mvc.post()
                        .uri("/api/notifications/" + first + "/read")
                        .header(HttpHeaders.AUTHORIZATION, referrer("gp.other")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/notifications/read").header(HttpHeaders.AUTHORIZATION, referrer("gp.laken")))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(unread(referrer("gp.laken"))).isZero();

        assertThat(mvc.post()
                        .uri("/api/notifications/read")
                        .header(HttpHeaders.AUTHORIZATION, worker("a", "ldc-laken")))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(unread(worker("a", "ldc-laken"))).isZero();
        assertThat(unread(worker("b", "ldc-laken")))
                .as("a colleague's own unread count")
                .isEqualTo(1);
    }

    @Test
    void notificationsOfOneReferralAreGroupedUnderItsReferenceAndThemesNewestReferralFirst() throws Exception {
        String gpId = "gp.grouped-" + UUID.randomUUID();
        String gp = referrer(gpId);
        String organisation = "org-" + UUID.randomUUID();
        ReferralSubmitted older = submittedBy(gpId, organisation);
        ReferralSubmitted newer = submittedBy(gpId, organisation);
        send(older);
        send(new ReferralAccepted(UUID.randomUUID(), Instant.now(), older.referralId(), organisation, null));
        send(new ReferralCompleted(UUID.randomUUID(), Instant.now(), older.referralId(), organisation, "SOLVED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(gp) == 2);
        send(newer);
        send(new ReferralAccepted(UUID.randomUUID(), Instant.now(), newer.referralId(), organisation, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(gp) == 3);

        assertThat(mvc.get().uri("/api/notifications/referrals").header(HttpHeaders.AUTHORIZATION, gp))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(2);
                    assertThat(json).extractingPath("$.unread").isEqualTo(3);
                    assertThat(json)
                            .extractingPath("$.items[0].referralId")
                            .isEqualTo(newer.referralId().toString());
                    assertThat(json)
                            .extractingPath("$.items[1].reference")
                            .isEqualTo(older.referralId().toString().substring(0, 8));
                    assertThat(json)
                            .extractingPath("$.items[1].themes")
                            .asArray()
                            .containsExactly("loneliness");
                    assertThat(json).extractingPath("$.items[1].unread").isEqualTo(2);
                    assertThat(json)
                            .extractingPath("$.items[1].newest[*].type")
                            .asArray()
                            .containsExactly("REFERRAL_COMPLETED", "REFERRAL_ACCEPTED");
                });
    }

    @Test
    void notificationsToldInOneBatchComeNewestFirstInTheOrderTheirEventsHappened() throws Exception {
        String gpId = "gp.batch-" + UUID.randomUUID();
        String gp = referrer(gpId);
        ReferralSubmitted submitted = submittedBy(gpId, "ocmw-jette");
        // A millisecond apart: two calls of Instant.now() may give the same instant, and then no order.
        Instant at = Instant.now();
        List<ReferralEvent> inOrder = List.of(
                submitted,
                new ReferralAccepted(UUID.randomUUID(), at.plusMillis(1), submitted.referralId(), "ocmw-jette", null),
                new ContactAttemptLogged(
                        UUID.randomUUID(),
                        at.plusMillis(2),
                        submitted.referralId(),
                        UUID.randomUUID(),
                        "ocmw-jette",
                        at.plusMillis(2),
                        "PHONE",
                        true),
                new ReferralCompleted(
                        UUID.randomUUID(), at.plusMillis(3), submitted.referralId(), "ocmw-jette", "SOLVED"));
        List<ConsumerRecord<String, CloudEvent>> oneBatch = new ArrayList<>();
        for (ReferralEvent event : inOrder) {
            oneBatch.add(new ConsumerRecord<>(
                    Topics.REFERRAL_EVENTS, 0, oneBatch.size(), event.subject(), REFERRAL_SERVICE.encode(event)));
        }

        listener.on(oneBatch);

        assertThat(typesOf(gp)).containsExactly("REFERRAL_COMPLETED", "FIRST_CONTACT_MADE", "REFERRAL_ACCEPTED");
    }

    @Test
    void openingAReferralMarksOnlyMyNotificationsOfThatReferralRead() throws Exception {
        String gpId = "gp.opens-" + UUID.randomUUID();
        String gp = referrer(gpId);
        ReferralSubmitted opened = submittedBy(gpId, "ocmw-jette");
        ReferralSubmitted other = submittedBy(gpId, "ocmw-jette");
        send(opened);
        send(other);
        send(new ReferralAccepted(UUID.randomUUID(), Instant.now(), opened.referralId(), "ocmw-jette", null));
        send(new ReferralAccepted(UUID.randomUUID(), Instant.now(), other.referralId(), "ocmw-jette", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(gp) == 2);
        String colleague = worker("an", "ocmw-jette");
        long colleagueUnread = unread(colleague);

        assertThat(mvc.post()
                        .uri("/api/notifications/referrals/" + opened.referralId() + "/read")
                        .header(HttpHeaders.AUTHORIZATION, gp))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(unread(gp)).isEqualTo(1);
        assertThat(JsonPath.<List<Boolean>>read(
                        body(gp), "$.items[?(@.referralId == '" + other.referralId() + "')].unread"))
                .containsExactly(true);
        assertThat(mvc.post()
                        .uri("/api/notifications/referrals/" + other.referralId() + "/read")
                        .header(HttpHeaders.AUTHORIZATION, referrer("gp.stranger")))
                .as("another referrer marks nothing of mine, and learns nothing")
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(unread(gp)).isEqualTo(1);
        assertThat(unread(colleague))
                .as("the organisation's own notifications stay unread")
                .isEqualTo(colleagueUnread);
        assertThat(mvc.post()
                        .uri("/api/notifications/referrals/not-a-uuid/read")
                        .header(HttpHeaders.AUTHORIZATION, gp))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("referralId");
        assertThat(mvc.get().uri("/api/notifications/referrals?size=101").header(HttpHeaders.AUTHORIZATION, gp))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void anEnglishReaderChoosesWhichOfTheSocialMapsLanguagesTheySeeAndOneItHasNotIsRefused() {
        String gp = referrer("gp.english-" + UUID.randomUUID());

        assertThat(choose(gp, "{\"language\": \"en\", \"directoryLanguage\": \"fr\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.language").isEqualTo("en");
                    assertThat(json).extractingPath("$.directoryLanguage").isEqualTo("fr");
                });
        assertThat(choose(gp, "{\"directoryLanguage\": \"en\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("directoryLanguage");
        assertThat(choose(gp, "{\"directoryLanguage\": \"nl\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.language")
                            .as("left out: unchanged")
                            .isEqualTo("en");
                    assertThat(json).extractingPath("$.directoryLanguage").isEqualTo("nl");
                });
        assertThat(mvc.get()
                        .uri("/api/notifications/preferences")
                        .header(HttpHeaders.AUTHORIZATION, referrer("gp.other")))
                .hasStatusOk()
                .bodyJson()
                .as("another user's choice is theirs")
                .doesNotHavePath("$.directoryLanguage");
    }

    private MvcTestResult choose(String token, String preferences) {
        return mvc.put()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(preferences)
                .exchange();
    }

    @Test
    void everyKindOfEventReachesItsAudienceAndNoOneElse() throws Exception {
        UUID referral = UUID.randomUUID();
        String first = "org-" + UUID.randomUUID();
        String second = "org-" + UUID.randomUUID();
        String gp = "gp-" + UUID.randomUUID();
        String zone = "zone-" + UUID.randomUUID();
        Instant at = Instant.now();
        send(new ReferralSubmitted(
                UUID.randomUUID(),
                at,
                referral,
                gp,
                List.of("housing"),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                zone,
                first,
                first + "-onthaal",
                false,
                "general-practitioner"));
        send(new ReferralDeclined(UUID.randomUUID(), at, referral, first, first + "-onthaal", "NO_CAPACITY", true));
        send(new ReferralRerouted(UUID.randomUUID(), at, referral, second, second + "-onthaal", false));
        send(new ReferralReceived(UUID.randomUUID(), at, referral, second, second + "-onthaal"));
        send(new ReferralReminderDue(UUID.randomUUID(), at, referral, second, second + "-onthaal", 2));
        send(new ReferralEscalated(UUID.randomUUID(), at, referral, second, second + "-onthaal", zone, gp, 5));
        send(new ReferralAccepted(UUID.randomUUID(), at, referral, second, second + "-onthaal"));
        send(new ContactAttemptLogged(UUID.randomUUID(), at, referral, UUID.randomUUID(), second, at, "PHONE", false));
        send(new ContactAttemptLogged(UUID.randomUUID(), at, referral, UUID.randomUUID(), second, at, "PHONE", true));
        send(new FeedbackPosted(
                UUID.randomUUID(), at, referral, UUID.randomUUID(), "ORGANISATION", "worker", second, gp));
        send(new FeedbackPosted(UUID.randomUUID(), at, referral, UUID.randomUUID(), "REFERRER", gp, second, gp));
        send(new ReferralCompleted(UUID.randomUUID(), at, referral, second, "SOLVED"));
        send(new SatisfactionRated(UUID.randomUUID(), at, referral, "REFERRER", 5));
        send(new ReferralCancelled(UUID.randomUUID(), at, referral, gp, second));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> typesOf(worker("w", second)).size() == 5);
        assertThat(typesOf(worker("w", first))).containsExactly("REFERRAL_SUBMITTED");
        assertThat(typesOf(worker("w", second)))
                .containsExactlyInAnyOrder(
                        "REFERRAL_REROUTED",
                        "REMINDER_DUE",
                        "REFERRAL_ESCALATED",
                        "FEEDBACK_POSTED",
                        "REFERRAL_CANCELLED");
        assertThat(typesOf(worker("h", "helpdesk-" + zone)))
                .containsExactlyInAnyOrder("REMINDER_DUE", "REFERRAL_ESCALATED");
        assertThat(typesOf(referrer(gp)))
                .containsExactlyInAnyOrder(
                        "REFERRAL_DECLINED",
                        "REFERRAL_ESCALATED",
                        "REFERRAL_ACCEPTED",
                        "FIRST_CONTACT_MADE",
                        "FEEDBACK_POSTED",
                        "REFERRAL_COMPLETED");
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        ReferralSubmitted submitted = submittedBy("gp.redelivered", "org-redelivered");
        CloudEvent once = REFERRAL_SERVICE.encode(submitted);
        ReferralSubmitted marker = new ReferralSubmitted(
                UUID.randomUUID(),
                Instant.now(),
                submitted.referralId(),
                "gp.marker",
                List.of("housing"),
                "1090",
                "fr",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                "org-marker",
                null,
                false,
                "general-practitioner");

        kafka.send(Topics.REFERRAL_EVENTS, submitted.subject(), once);
        kafka.send(Topics.REFERRAL_EVENTS, submitted.subject(), once);
        kafka.send(Topics.REFERRAL_EVENTS, marker.subject(), REFERRAL_SERVICE.encode(marker));

        // Same key, same partition: once the marker is handled, both copies before it were too.
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf("org-marker") == 1);
        assertThat(notificationsOf("org-redelivered")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                        .param("id", submitted.eventId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReferralMadeOutsideThePlatformAndLoggedTellsNoOne() {
        UUID referral = UUID.randomUUID();
        ReferralLogged logged = new ReferralLogged(
                UUID.randomUUID(),
                Instant.now(),
                referral,
                "gp.logger",
                "general-practitioner",
                LocalDate.now(),
                "PHONE",
                List.of("housing"),
                "21010",
                "21010",
                "noord",
                "org-logged");
        ReferralSubmitted marker = submittedBy("gp.after-logged", "org-after-logged");

        kafka.send(Topics.REFERRAL_EVENTS, marker.subject(), REFERRAL_SERVICE.encode(logged));
        kafka.send(Topics.REFERRAL_EVENTS, marker.subject(), REFERRAL_SERVICE.encode(marker));

        // Same key, same partition: once the marker is handled, the logged referral before it was too.
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf("org-after-logged") == 1);
        assertThat(notificationsOf("org-logged")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE referral_id = :id")
                        .param("id", referral)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM referral_party WHERE referral_id = :id")
                        .param("id", referral)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        TopicProbe.sendUnreadable(Topics.REFERRAL_EVENTS, key, "not a cloud event");
        ReferralSubmitted after = submittedBy("gp.after-poison", "org-after-poison");
        kafka.send(Topics.REFERRAL_EVENTS, key, REFERRAL_SERVICE.encode(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf("org-after-poison") == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TopicProbe.raw(Topics.deadLetterOf(Topics.REFERRAL_EVENTS)))
                        .anySatisfy(dead -> {
                            assertThat(dead.key()).isEqualTo(key);
                            assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                                    .isEqualTo("not a cloud event");
                            assertThat(dead.headers().lastHeader("kafka_dlt-exception-message"))
                                    .isNotNull();
                        }));
    }

    private long notificationsOf(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :r")
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    private void send(ReferralEvent event) {
        kafka.send(Topics.REFERRAL_EVENTS, event.subject(), REFERRAL_SERVICE.encode(event));
    }

    private long unread(String token) throws Exception {
        return JsonPath.<Integer>read(body(token), "$.unread");
    }

    private List<String> typesOf(String token) throws Exception {
        return JsonPath.read(body(token), "$.items[*].type");
    }

    private String body(String token) throws Exception {
        return mvc.get()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static ReferralSubmitted submittedBy(String referrer, String organisation) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                referrer,
                List.of("loneliness"),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                organisation,
                organisation + "-onthaal",
                false,
                "general-practitioner");
    }

    private static String referrer(String userId) {
        return TestTokens.bearer(userId, List.of("referrer"), null);
    }

    private static String worker(String userId, String organisation) {
        return TestTokens.bearer(userId, List.of("organisation-worker"), organisation);
    }
}

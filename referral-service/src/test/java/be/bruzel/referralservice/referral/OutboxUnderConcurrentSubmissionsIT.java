package be.bruzel.referralservice.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.directorycopy.DirectoryCopy;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Many submissions at once on a small pool: each request holds its connection until its commit's
 * callbacks return, so the outbox's own bookkeeping must not ask for a second one there. When it did,
 * the requests holding the pool waited for each other until the pool's timeout.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=3000",
            // Nothing may reach the topic by a resubmission within the test: only by the first send.
            "platform.outbox.resubmit-after=PT5M",
            "platform.outbox.resubmit-every=PT5M"
        })
class OutboxUnderConcurrentSubmissionsIT {

    private static final int SUBMISSIONS = 24;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void concurrentSubmissionsOnASmallPoolAreAllStoredAndEachEventIsSentOnceAtOnce() throws Exception {
        DirectoryWorld.applyDirectly(context.getBean(DirectoryCopy.class)::on);

        List<MockHttpServletResponse> responses;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> submitted = IntStream.range(0, SUBMISSIONS)
                    .mapToObj(n -> threads.submit(() -> submit(n)))
                    .toList();
            responses = submitted.stream()
                    .map(OutboxUnderConcurrentSubmissionsIT::get)
                    .toList();
        }

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        Set<String> ids = responses.stream()
                .map(response -> JsonPath.<String>read(body(response), "$.referrals[0].id"))
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(SUBMISSIONS);
        await().atMost(Duration.ofSeconds(20)).until(() -> submittedEventsAbout(ids) == SUBMISSIONS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(submittedEventsAbout(ids)).as("each sent once").isEqualTo(SUBMISSIONS);
    }

    private MockHttpServletResponse submit(int n) {
        return mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("gp.jette", List.of("referrer"), null))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ReferralSubmissionIT.validReferral("1090").replace("Marie Peeters", "Persoon " + n))
                .exchange()
                .getResponse();
    }

    private static long submittedEventsAbout(Set<String> referralIds) {
        return TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> referralIds.contains(record.key()))
                .filter(record -> record.value().getType().contains("referral.submitted"))
                .count();
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

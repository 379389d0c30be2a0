package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The figures as production publishes them, perturbed: what an analyst can and cannot work out by
 * asking cleverly. Each test works in months of 2023 or 2024 of its own (the other statistics tests, 2025).
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
@TestPropertySource(properties = "platform.statistics.perturbation=2")
class StatisticsDisclosureIT extends StatisticsScenario {

    /**
     * One referral in February among many before it: each pair of ranges that differ by that one
     * referral alone is subtracted, as an attacker would, to learn that it exists and is one. The
     * differences disagree, so none of them can be trusted to be the count.
     */
    @Test
    void subtractingOverlappingRangesDoesNotRevealTheOneReferralBetweenThem() throws Exception {
        String[] months = {"2023-07", "2023-08", "2023-09", "2023-10", "2023-11"};
        List<UUID> submitted = new ArrayList<>();
        for (String month : months) {
            clock.set(Instant.parse(month + "-08T09:00:00Z"));
            submitted.addAll(submitAll(GP, "finances", 6));
            submitted.addAll(submitAll(GP, ETTERBEEK, "finances", 5));
        }
        clock.set(Instant.parse("2023-12-11T09:00:00Z"));
        submitted.addAll(submitAll(GP, "finances", 1));
        awaitProjected(submitted);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> row(statistics(ANALYST, "by=none&period=month&from=2023-07&to=2023-12"), null, null)
                                .figures()
                                .get("submitted")
                        != null);

        List<Long> differences = new ArrayList<>();
        for (String from : months) {
            for (String zone : new String[] {"", "&careZone=noord"}) {
                long withIt = total("from=" + from + "&to=2023-12" + zone);
                long withoutIt = total("from=" + from + "&to=2023-11" + zone);
                differences.add(withIt - withoutIt);
                System.out.printf("differencing %s%s: %d - %d%n", from, zone, withIt, withoutIt);
            }
        }

        assertThat(differences)
                .as("what subtraction gives for the one referral")
                .hasSize(10)
                .anySatisfy(difference -> assertThat(difference).isNotEqualTo(1L));
        assertThat(differences.stream().distinct().count())
                .as("the attacker gets several answers: " + differences)
                .isGreaterThan(1);
        assertThat(total("from=2023-07&to=2023-12"))
                .as("the same question, the same answer")
                .isEqualTo(total("from=2023-07&to=2023-12"));
        assertThat(row(statistics(ANALYST, "by=none&period=month&from=2023-12&to=2023-12"), null, "2023-12")
                        .suppressed())
                .as("the month alone is suppressed as ever")
                .contains("submitted");
    }

    @Test
    void aCountOfReferrersFromOneToFourIsSuppressedLikeAnySmallCount() throws Exception {
        clock.set(Instant.parse("2024-03-11T09:00:00Z"));
        awaitProjected(submitAll(GP, "finances", 6));
        String query = "by=none&period=month&from=2024-03&to=2024-03";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> row(statistics(ANALYST, query), null, "2024-03")
                                .figures()
                                .get("submitted")
                        != null);

        Row march = row(statistics(ANALYST, query), null, "2024-03");

        assertThat(march.suppressed()).contains("activeReferrers");
        assertThat(march.figures().get("activeReferrers")).isNull();
        assertThat(((Number) march.figures().get("submitted")).longValue()).isBetween(5L, 8L);
    }

    @Test
    void aSmallThemeDoesNotLeaveTheOtherThemesToGiveItAwayFromTheTotal() throws Exception {
        clock.set(Instant.parse("2024-05-13T09:00:00Z"));
        awaitProjected(submitAll(GP, "finances", 8));
        awaitProjected(submitAll(PHARMACIST, "housing", 2));
        String query = "by=theme&period=month&from=2024-05&to=2024-05";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> row(statistics(ANALYST, query), null, "2024-05")
                                .figures()
                                .get("submitted")
                        != null);
        String report = statistics(ANALYST, query);

        assertThat(row(report, "housing", "2024-05").suppressed()).contains("submitted");
        assertThat(row(report, "finances", "2024-05").suppressed())
                .as("complementary")
                .contains("submitted");
    }

    private long total(String range) throws Exception {
        Number submitted = (Number) row(statistics(ANALYST, "by=none&period=month&" + range), null, null)
                .figures()
                .get("submitted");
        return submitted.longValue();
    }
}

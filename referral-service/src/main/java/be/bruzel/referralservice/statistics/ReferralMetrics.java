package be.bruzel.referralservice.statistics;

import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.referralservice.directory.Directory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Business metrics for dashboards, from the events as they are projected: referrals and time to
 * acceptance (a histogram) by care zone, completions in the whole region by outcome. No metric is
 * split finer (no theme, municipality or organisation, and never two of them crossed), so that no
 * series counts a handful of people; figures that fine are the statistics API's, under its
 * disclosure control. Tags take only the codes the directory knows (else {@code other}).
 */
@Component
class ReferralMetrics {

    static final String OTHER = "other";
    private static final Set<String> OUTCOMES = Set.of("SOLVED", "PARTLY_SOLVED", "REFERRED_ON", "PERSON_DECLINED",
            "UNREACHABLE");

    private final MeterRegistry meters;
    private final Directory directory;
    private final StatisticsStore store;

    ReferralMetrics(MeterRegistry meters, Directory directory, StatisticsStore store) {
        this.meters = meters;
        this.directory = directory;
        this.store = store;
    }

    void record(List<ReferralEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> zones = directory.careZoneNames().keySet();
        Map<UUID, StatisticsStore.Submission> submissions = store.submissions(events.stream()
                .filter(ReferralAccepted.class::isInstance).map(ReferralEvent::referralId)
                .collect(Collectors.toSet()));
        for (ReferralEvent event : events) {
            switch (event) {
                case ReferralSubmitted submitted -> Counter
                        .builder("referrals.submitted").description("Referrals submitted")
                        .tag("care_zone", bounded(submitted.careZoneCode(), zones))
                        .register(meters).increment();
                case ReferralAccepted accepted -> {
                    StatisticsStore.Submission submission = submissions.get(accepted.referralId());
                    if (submission != null) {
                        Timer.builder("referrals.time.to.acceptance")
                                .description("From submission to acceptance by an organisation")
                                .tag("care_zone", bounded(submission.careZoneCode(), zones))
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMinutes(1))
                                .maximumExpectedValue(Duration.ofDays(30))
                                .register(meters)
                                .record(Duration.between(submission.submittedAt(), accepted.occurredAt()));
                    }
                }
                case ReferralCompleted completed -> {
                    Counter.builder("referrals.completed").description("Referrals completed in the region, by outcome")
                            .tag("outcome", bounded(completed.outcome(), OUTCOMES))
                            .register(meters).increment();
                }
                default -> {
                }
            }
        }
    }

    private static String bounded(String code, Set<String> known) {
        return code != null && known.contains(code) ? code : OTHER;
    }
}

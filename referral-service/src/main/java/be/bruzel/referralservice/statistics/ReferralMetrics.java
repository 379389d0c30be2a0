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
 * Business metrics for dashboards, from the events as they are projected: referrals by care zone
 * and theme, time to acceptance as a histogram, completions by outcome. Tags take only the codes
 * the directory knows (else {@code other}), so their number stays that of the zones and themes.
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
        Set<String> themes = directory.themeNames().keySet();
        Map<UUID, StatisticsStore.Submission> submissions = store.submissions(events.stream()
                .filter(event -> !(event instanceof ReferralSubmitted)).map(ReferralEvent::referralId)
                .collect(Collectors.toSet()));
        for (ReferralEvent event : events) {
            switch (event) {
                case ReferralSubmitted submitted -> submitted.themeCodes().forEach(theme -> Counter
                        .builder("referrals.submitted").description("Referrals submitted, one per theme")
                        .tag("care_zone", bounded(submitted.careZoneCode(), zones))
                        .tag("theme", bounded(theme, themes))
                        .register(meters).increment());
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
                    StatisticsStore.Submission submission = submissions.get(completed.referralId());
                    Counter.builder("referrals.completed").description("Referrals completed, by outcome")
                            .tag("care_zone", bounded(submission == null ? null : submission.careZoneCode(), zones))
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

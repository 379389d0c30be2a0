package be.bruzel.referralservice.referral;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics for dashboards, from the referral events as they happen: referrals and time to
 * acceptance (a histogram) by care zone, completions in the whole region by outcome. No metric is
 * split finer (no theme, municipality or organisation, and never two of them crossed), so that no
 * series counts a handful of people; figures that fine are statistics-service's, under its
 * disclosure control. Tags take only the codes the directory knows (else {@code other}).
 */
@Component
class ReferralMetrics {

    static final String OTHER = "other";
    private static final Set<String> OUTCOMES =
            Set.of("SOLVED", "PARTLY_SOLVED", "REFERRED_ON", "PERSON_DECLINED", "UNREACHABLE");

    private final MeterRegistry meters;
    private final Directory directory;
    private final Referrals referrals;

    ReferralMetrics(MeterRegistry meters, Directory directory, Referrals referrals) {
        this.meters = meters;
        this.directory = directory;
        this.referrals = referrals;
    }

    /** Published in the transaction of the change; counted once it commits (a rollback counts nothing). */
    @EventListener
    void on(ReferralEvent event) {
        Runnable record = switch (event) {
            case ReferralSubmitted submitted -> {
                // Read in the transaction, which has the copy of the directory at hand.
                String careZone = bounded(submitted.careZoneCode(), directory.careZoneCodes());
                yield () -> Counter.builder("referrals.submitted")
                        .description("Referrals submitted")
                        .tag("care_zone", careZone)
                        .register(meters)
                        .increment();
            }
            case ReferralAccepted accepted ->
                referrals
                        .find(accepted.referralId())
                        .<Runnable>map(referral -> {
                            String careZone = bounded(referral.residence().careZoneCode(), directory.careZoneCodes());
                            return () -> Timer.builder("referrals.time.to.acceptance")
                                    .description("From submission to acceptance by an organisation")
                                    .tag("care_zone", careZone)
                                    .publishPercentileHistogram()
                                    .minimumExpectedValue(Duration.ofMinutes(1))
                                    .maximumExpectedValue(Duration.ofDays(30))
                                    .register(meters)
                                    .record(Duration.between(referral.times().submittedAt(), accepted.occurredAt()));
                        })
                        .orElse(null);
            case ReferralCompleted completed ->
                () -> Counter.builder("referrals.completed")
                        .description("Referrals completed in the region, by outcome")
                        .tag("outcome", bounded(completed.outcome(), OUTCOMES))
                        .register(meters)
                        .increment();
            default -> null;
        };
        if (record != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        }
    }

    private static String bounded(String code, Set<String> known) {
        return code != null && known.contains(code) ? code : OTHER;
    }
}

package be.bruzel.directoryservice.figures;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The live figures of services, for the routing explanation and the search; and forgetting what the window left. */
@Service
public class ServiceFigures {

    private static final Logger log = LoggerFactory.getLogger(ServiceFigures.class);

    private final ServiceReferrals referrals;
    private final Clock clock;

    ServiceFigures(ServiceReferrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Every service asked for has figures, hidden where there are too few referrals. */
    @Transactional(readOnly = true)
    public Map<String, LiveFigures> of(Collection<String> serviceIds) {
        return referrals.figures(serviceIds.stream().distinct().toList(), clock.instant());
    }

    /** Several instances may do this at once: deleting twice deletes nothing more. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    public void forgetWhatTheWindowLeft() {
        int forgotten =
                referrals.forgetBefore(clock.instant().minus(Duration.ofDays(ServiceReferrals.WINDOW_DAYS + 1L)));
        if (forgotten > 0) {
            log.info("Forgot {} service referral(s) older than the figures' window", forgotten);
        }
    }
}

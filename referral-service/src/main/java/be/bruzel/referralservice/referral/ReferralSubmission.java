package be.bruzel.referralservice.referral;

import be.bruzel.platform.events.ReferralSubmitted;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a referral and, in the same transaction, the event that announces it. */
@Service
class ReferralSubmission {

    private static final Logger log = LoggerFactory.getLogger(ReferralSubmission.class);

    private final Referrals referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralSubmission(Referrals referrals, ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Referral submit(String referrerId, SubmitReferral request) {
        Referral referral = request.toReferral(referrerId, clock.instant());
        referrals.add(referral);
        events.publishEvent(new ReferralSubmitted(UUID.randomUUID(), referral.submittedAt(), referral.id(),
                referrerId, referral.themeCodes(), referral.postcode(), referral.person().preferredLanguage()));
        log.info("Referral {} submitted on {} themes", referral.id(), referral.themeCodes().size());
        return referral;
    }
}

package be.bruzel.referralservice.referral;

import be.bruzel.platform.support.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Everything a referral holds, for the person's own copy of it: asked by its referrer or an administrator. */
@Service
public class ReferralHistory {

    /** The referral with its whole timeline, remarks and notes included. */
    public record Held(
            Referral referral,
            List<ReferralStep> timeline,
            List<ContactAttempt> contactAttempts,
            List<Satisfaction> satisfaction) {}

    private final ReferralActions actions;
    private final Referrals referrals;

    ReferralHistory(ReferralActions actions, Referrals referrals) {
        this.actions = actions;
        this.referrals = referrals;
    }

    /** Runs in the caller's transaction, which logs the read. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Held ownedBy(Caller caller, UUID id) {
        Referral referral = actions.ownedBy(caller, id);
        return new Held(
                referral,
                referrals.steps(id),
                referrals.contactAttempts(id, Optional.empty()),
                referrals.satisfaction(id));
    }
}

package be.bruzel.platform.events;

/** Events of the referral aggregate, published on {@link Topics#REFERRAL_EVENTS} keyed by referral id. */
public sealed interface ReferralEvent extends DomainEvent
        permits ReferralSubmitted,
                ReferralReceived,
                ReferralAccepted,
                ReferralDeclined,
                ReferralRerouted,
                ContactAttemptLogged,
                ReferralCompleted,
                ReferralCancelled,
                FeedbackPosted,
                SatisfactionRated,
                ReferralReminderDue,
                ReferralEscalated,
                ReferralExpired,
                ReferralErased,
                ReferralLogged,
                PersonAnswered {

    java.util.UUID referralId();

    @Override
    default String subject() {
        return referralId().toString();
    }
}

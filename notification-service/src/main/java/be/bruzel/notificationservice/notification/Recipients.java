package be.bruzel.notificationservice.notification;

import be.bruzel.notificationservice.notification.Notification.Type;
import be.bruzel.notificationservice.notification.ReferralParties.ReferralParty;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralExpired;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import java.util.List;
import java.util.Optional;

/**
 * Who is told what, decided from the event and the referral's parties alone: the receiving
 * organisation hears of new, re-routed and cancelled referrals; the referrer hears back
 * (accepted, declined, first contact, completed); feedback goes to the other side; reminders
 * and escalations go to the organisation and the zone helpdesk, escalations to the referrer too; an expired
 * referral is news for both sides.
 */
final class Recipients {

    /** One notification to one audience. */
    record Told(Type type, Audience audience) {}

    private Recipients() {}

    /**
     * @param party the referral as known before this event; empty when its submission was never seen
     * @param firstContact whether a reached contact attempt is the first one
     */
    static List<Told> of(ReferralEvent event, Optional<ReferralParty> party, boolean firstContact) {
        Optional<Audience> referrer = party.map(known -> Audience.user(known.referrerId()));
        List<Told> told = switch (event) {
            case ReferralSubmitted submitted ->
                List.of(new Told(Type.REFERRAL_SUBMITTED, Audience.organisation(submitted.receivingOrganisationId())));
            case ReferralRerouted rerouted ->
                List.of(new Told(Type.REFERRAL_REROUTED, Audience.organisation(rerouted.organisationId())));
            case ReferralAccepted accepted -> toReferrer(Type.REFERRAL_ACCEPTED, referrer);
            case ReferralDeclined declined -> toReferrer(Type.REFERRAL_DECLINED, referrer);
            case ContactAttemptLogged attempt
            when attempt.reached() && firstContact -> toReferrer(Type.FIRST_CONTACT_MADE, referrer);
            case ReferralCompleted completed -> toReferrer(Type.REFERRAL_COMPLETED, referrer);
            case ReferralCancelled cancelled ->
                List.of(new Told(Type.REFERRAL_CANCELLED, Audience.organisation(cancelled.organisationId())));
            case FeedbackPosted feedback ->
                List.of(new Told(
                        Type.FEEDBACK_POSTED,
                        "REFERRER".equals(feedback.authorRole())
                                ? Audience.organisation(feedback.organisationId())
                                : Audience.user(feedback.referrerId())));
            case ReferralReminderDue reminder ->
                party.map(known -> List.of(
                                new Told(Type.REMINDER_DUE, Audience.organisation(reminder.organisationId())),
                                new Told(Type.REMINDER_DUE, Audience.helpdeskOf(known.careZoneCode()))))
                        .orElse(List.of(new Told(Type.REMINDER_DUE, Audience.organisation(reminder.organisationId()))));
            case ReferralEscalated escalated ->
                List.of(
                        new Told(Type.REFERRAL_ESCALATED, Audience.organisation(escalated.organisationId())),
                        new Told(Type.REFERRAL_ESCALATED, Audience.helpdeskOf(escalated.careZoneCode())),
                        new Told(Type.REFERRAL_ESCALATED, Audience.user(escalated.referrerId())));
            case ReferralExpired expired ->
                List.of(
                        new Told(Type.REFERRAL_EXPIRED, Audience.user(expired.referrerId())),
                        new Told(Type.REFERRAL_EXPIRED, Audience.organisation(expired.organisationId())));
            // An erasure concerns no one's work: this service holds nothing of the person to erase.
            default -> List.of();
        };
        // An unmet need's receiver is the helpdesk itself: it is told once.
        return told.stream().distinct().toList();
    }

    private static List<Told> toReferrer(Type type, Optional<Audience> referrer) {
        return referrer.map(audience -> List.of(new Told(type, audience))).orElse(List.of());
    }
}

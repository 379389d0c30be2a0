package be.bruzel.referralservice.feedback;

import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralActions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation about one referral, between its referrer and its receiving organisation only.
 * When the referral is routed on to another organisation, that one starts a conversation of its own:
 * it never reads what was said with the one before. The referrer reads them all.
 * The text may speak of the person, so reading it is logged, and it is erased with the person's data; the event
 * says only that a message came.
 */
@Service
public class FeedbackThread {

    private final ReferralActions referrals;
    private final FeedbackMessages messages;
    private final PersonDataAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackThread(
            ReferralActions referrals,
            FeedbackMessages messages,
            PersonDataAccessLog accessLog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.referrals = referrals;
        this.messages = messages;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the thread, oldest first: the whole for the referrer, its own part for the organisation. */
    @Transactional
    List<FeedbackMessage> read(Caller caller, UUID referralId, int page, int size) {
        return readFrom(caller, referralId, (long) page * size, size);
    }

    /** As {@link #read}, from the message at {@code offset}. */
    @Transactional
    public List<FeedbackMessage> readFrom(Caller caller, UUID referralId, long offset, int size) {
        Referral referral = referrals.visibleTo(caller, referralId);
        accessLog.record(referralId, caller.userId(), caller.organisationId().orElse(null), "feedback.read");
        return messages.of(referralId, partOf(caller, referral), size, offset);
    }

    /**
     * One message, for whoever reads its thread: the referrer, or the organisation it was said with; for anyone else
     * it does not exist. The read is logged.
     *
     * @return the message with its referral's id
     */
    @Transactional
    public Optional<Map.Entry<UUID, FeedbackMessage>> message(Caller caller, UUID messageId) {
        return messages.find(messageId)
                .filter(placed -> {
                    Referral referral = referrals.visibleTo(caller, placed.referralId());
                    return partOf(caller, referral)
                            .map(placed.organisationId()::equals)
                            .orElse(true);
                })
                .map(placed -> {
                    accessLog.record(
                            placed.referralId(),
                            caller.userId(),
                            caller.organisationId().orElse(null),
                            "feedback.read");
                    return Map.entry(placed.referralId(), placed.message());
                });
    }

    /** How many messages the caller's part of the thread holds; counting reads nothing that was said. */
    @Transactional(readOnly = true)
    public long count(Caller caller, UUID referralId) {
        return messages.count(referralId, partOf(caller, referrals.visibleTo(caller, referralId)));
    }

    private static Optional<String> partOf(Caller caller, Referral referral) {
        return referral.isReferredBy(caller.userId())
                ? Optional.empty()
                : Optional.of(referral.receiver().organisationId());
    }

    /** The whole thread, for a caller whose right to read it, and its logging, were seen to already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<FeedbackMessage> of(UUID referralId) {
        return messages.of(referralId, Optional.empty(), null, 0);
    }

    @Transactional
    public FeedbackMessage post(Caller caller, UUID referralId, String body) {
        Referral referral = referrals.visibleTo(caller, referralId);
        if (referral.isErased()) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.erased", null);
        }
        String role = referral.isReferredBy(caller.userId()) ? "REFERRER" : "ORGANISATION";
        FeedbackMessage message = new FeedbackMessage(
                UUID.randomUUID(), caller.userId(), caller.displayName(), role, body.strip(), clock.instant());
        messages.add(referralId, message, referral.receiver().organisationId());
        events.publishEvent(new FeedbackPosted(
                UUID.randomUUID(),
                message.postedAt(),
                referralId,
                message.id(),
                role,
                caller.userId(),
                referral.receiver().organisationId(),
                referral.referrer().userId()));
        return message;
    }

    /** In the transaction of the erasure: the messages stay as who wrote when, without what they said. */
    @EventListener
    void on(ReferralErased erased) {
        messages.eraseBodies(erased.referralId());
    }
}

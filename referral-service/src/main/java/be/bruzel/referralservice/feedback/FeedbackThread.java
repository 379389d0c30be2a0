package be.bruzel.referralservice.feedback;

import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralActions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final PersonDataAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackThread(ReferralActions referrals, JdbcClient jdbc, PersonDataAccessLog accessLog,
            ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the thread, oldest first: the whole for the referrer, its own part for the organisation. */
    @Transactional
    List<FeedbackMessage> read(Caller caller, UUID referralId, int page, int size) {
        Referral referral = referrals.visibleTo(caller, referralId);
        accessLog.record(referralId, caller.userId(), caller.organisationId().orElse(null), "feedback.read");
        Optional<String> organisation = referral.isReferredBy(caller.userId()) ? Optional.empty()
                : Optional.of(referral.receiver().organisationId());
        return messages(referralId, organisation, size, (long) page * size);
    }

    /** The whole thread, for a caller whose right to read it, and its logging, were seen to already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<FeedbackMessage> of(UUID referralId) {
        return messages(referralId, Optional.empty(), null, 0);
    }

    /** @param organisation only what was said with that organisation; all when none */
    private List<FeedbackMessage> messages(UUID referralId, Optional<String> organisation, Integer limit, long offset) {
        return jdbc.sql("""
                SELECT id, author_id, author_name, author_role, body, posted_at FROM feedback_message
                WHERE referral_id = :referral AND (CAST(:organisation AS text) IS NULL OR organisation_id = :organisation)
                ORDER BY posted_at, id LIMIT :limit OFFSET :offset
                """)
                .param("referral", referralId)
                .param("organisation", organisation.orElse(null))
                .param("limit", limit)
                .param("offset", offset)
                .query(FeedbackThread::message)
                .list();
    }

    private static FeedbackMessage message(ResultSet row, int rowNumber) throws SQLException {
        return new FeedbackMessage(row.getObject("id", UUID.class), row.getString("author_id"),
                row.getString("author_name"), row.getString("author_role"), row.getString("body"),
                row.getTimestamp("posted_at").toInstant());
    }

    @Transactional
    FeedbackMessage post(Caller caller, UUID referralId, String body) {
        Referral referral = referrals.visibleTo(caller, referralId);
        if (referral.isErased()) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.erased", null);
        }
        String role = referral.isReferredBy(caller.userId()) ? "REFERRER" : "ORGANISATION";
        FeedbackMessage message = new FeedbackMessage(UUID.randomUUID(), caller.userId(), caller.displayName(), role,
                body.strip(), clock.instant());
        jdbc.sql("""
                INSERT INTO feedback_message (id, referral_id, author_id, author_name, author_role, body, posted_at,
                                              organisation_id)
                VALUES (:id, :referral, :author, :name, :role, :body, :at, :organisation)
                """)
                .param("organisation", referral.receiver().organisationId())
                .param("id", message.id()).param("referral", referralId).param("author", message.authorId())
                .param("name", message.authorName()).param("role", role).param("body", message.body())
                .param("at", Timestamp.from(message.postedAt()))
                .update();
        events.publishEvent(new FeedbackPosted(UUID.randomUUID(), message.postedAt(), referralId, message.id(), role,
                caller.userId(), referral.receiver().organisationId(), referral.referrer().userId()));
        return message;
    }

    /** In the transaction of the erasure: the messages stay as who wrote when, without what they said. */
    @EventListener
    void on(ReferralErased erased) {
        jdbc.sql("UPDATE feedback_message SET body = NULL WHERE referral_id = :referral AND body IS NOT NULL")
                .param("referral", erased.referralId()).update();
    }
}

package be.bruzel.referralservice.duplicates;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Finds the open referrals of the person a referrer is about to refer, keeps each new referral's person keys, and
 * forgets them with the person's data. Telling a referrer that a referral exists is a read of the person's data, so
 * each referral told of is an entry in its access log, also when the submission then stops.
 */
@Service
public class Duplicates {

    private static final Logger log = LoggerFactory.getLogger(Duplicates.class);
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final int BACKFILL_BATCH = 500;

    private final PersonKeys personKeys;
    private final OpenReferrals openReferrals;
    private final PersonDataAccessLog accessLog;
    private final Counter found;

    Duplicates(
            PersonKeys personKeys, OpenReferrals openReferrals, PersonDataAccessLog accessLog, MeterRegistry meters) {
        this.personKeys = personKeys;
        this.openReferrals = openReferrals;
        this.accessLog = accessLog;
        this.found = Counter.builder("referrals.duplicates.found")
                .description("Submissions stopped to tell the referrer of the person's open referral on the same theme")
                .register(meters);
    }

    /** The person as this platform recognises them again. */
    public PersonKey keyOf(String name, String phone, String email) {
        return new PersonKey(personKeys.of(name, phone, email));
    }

    /** The person's open referrals on any of these themes, as this referrer may see them; logged as read. */
    public List<OpenReferral> openFor(Caller caller, PersonKey person, Collection<String> themes) {
        List<OpenReferrals.Match> matches = openReferrals.matching(person.keys(), themes);
        if (matches.isEmpty()) {
            return List.of();
        }
        found.increment();
        accessLog.recordAllApart(
                matches.stream().map(OpenReferrals.Match::referralId).toList(),
                caller.userId(),
                caller.organisationId().orElse(null),
                "duplicate.shown");
        return matches.stream().map(match -> toldTo(caller, match, themes)).toList();
    }

    /** Keeps the keys of the person of these referrals (one submission: one person). */
    public void keep(Collection<UUID> referralIds, PersonKey person) {
        openReferrals.keep(referralIds, person.keys());
    }

    /** Their person's data is erased: so are the keys made of it. */
    public void forget(Collection<UUID> referralIds) {
        openReferrals.forget(referralIds);
    }

    /**
     * Open referrals made before keys were kept get theirs at start, so that they are found too. Each batch is one
     * statement; another instance doing the same at once adds nothing twice.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void keyOpenReferralsMadeBefore() {
        int keyed = 0;
        List<OpenReferrals.Unkeyed> batch;
        do {
            batch = openReferrals.unkeyed(BACKFILL_BATCH);
            int keyedInBatch = 0;
            for (OpenReferrals.Unkeyed referral : batch) {
                List<byte[]> keys = personKeys.of(referral.name(), referral.phone(), referral.email());
                openReferrals.keep(List.of(referral.referralId()), keys);
                keyedInBatch += keys.isEmpty() ? 0 : 1;
            }
            keyed += keyedInBatch;
            // A name of no letters or digits gives no key; a batch of only those would come back every time.
            if (keyedInBatch == 0) {
                break;
            }
        } while (batch.size() == BACKFILL_BATCH);
        if (keyed > 0) {
            log.info("Kept person keys for {} open referral(s) made before keys were kept", keyed);
        }
    }

    private static OpenReferral toldTo(Caller caller, OpenReferrals.Match match, Collection<String> themes) {
        if (!match.referrerId().equals(caller.userId())) {
            return new OpenReferral(match.organisationId(), match.unmetNeed(), false, null, null, null);
        }
        return new OpenReferral(
                match.organisationId(),
                match.unmetNeed(),
                true,
                match.referralId(),
                LocalDate.ofInstant(match.submittedAt(), BRUSSELS),
                match.themes().stream().filter(themes::contains).toList());
    }
}

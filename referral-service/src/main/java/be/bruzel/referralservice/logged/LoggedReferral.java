package be.bruzel.referralservice.logged;

import be.bruzel.platform.events.ReferralLogged;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A referral made outside the platform, as its referrer logged it: nothing happens to it after, it only counts.
 *
 * @param madeOn the day it was made: on or before the day it was logged, at most a year before
 * @param receivingOrganisationId none when the referrer did not say
 */
record LoggedReferral(
        UUID id,
        String referrerId,
        String referrerProfession,
        LocalDate madeOn,
        Channel channel,
        List<String> themeCodes,
        Place place,
        String receivingOrganisationId,
        Instant loggedAt) {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** How the referral was made. */
    enum Channel {
        PHONE,
        PAPER,
        EMAIL,
        IN_PERSON,
        OTHER
    }

    /** Where the person lives, as the territory was on the day it was made. */
    record Place(String postcode, String municipalityNis, String areaId, String careZoneCode) {}

    /** The referral logged, and the event that counts it. */
    record Logged(LoggedReferral referral, ReferralLogged event) {}

    LoggedReferral {
        Objects.requireNonNull(madeOn, "madeOn");
        themeCodes = List.copyOf(themeCodes);
    }

    /** A referral is logged on or after the day it was made, and within a year: later, memory is not a record. */
    static void requireLoggable(LocalDate madeOn, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BRUSSELS);
        if (madeOn.isAfter(today)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "logged.made-on.future", "madeOn");
        }
        if (madeOn.isBefore(today.minusYears(1))) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "logged.made-on.too-long-ago", "madeOn");
        }
    }

    static Logged log(
            String referrerId,
            String referrerProfession,
            LocalDate madeOn,
            Channel channel,
            List<String> themeCodes,
            Place place,
            String receivingOrganisationId,
            Instant now) {
        requireLoggable(madeOn, now);
        LoggedReferral referral = new LoggedReferral(
                UUID.randomUUID(),
                referrerId,
                referrerProfession,
                madeOn,
                channel,
                themeCodes.stream().distinct().toList(),
                place,
                receivingOrganisationId,
                now);
        return new Logged(
                referral,
                new ReferralLogged(
                        UUID.randomUUID(),
                        now,
                        referral.id(),
                        referrerId,
                        referrerProfession,
                        madeOn,
                        channel.name(),
                        referral.themeCodes(),
                        place.municipalityNis(),
                        place.areaId(),
                        place.careZoneCode(),
                        receivingOrganisationId));
    }
}

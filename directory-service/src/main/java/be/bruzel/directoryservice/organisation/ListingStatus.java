package be.bruzel.directoryservice.organisation;

import java.time.LocalDate;

/**
 * How a service's listing stands: whether it takes referrals and when it was last checked.
 *
 * @param checkedOn when its organisation's coordinator or an administrator last confirmed or changed it
 * @param checkDue the check period has passed since: its coordinator is asked to look at it again
 */
public record ListingStatus(
        String id,
        String organisationId,
        String nameNl,
        String nameFr,
        String capacity,
        LocalDate fullUntil,
        LocalDate checkedOn,
        boolean checkDue) {}

package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.figures.LiveFigures;
import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.territory.CareZone;
import be.bruzel.directoryservice.territory.Place;
import be.bruzel.platform.routing.Verdict;
import java.time.LocalDate;
import java.util.List;

/**
 * Who would receive a referral on a theme from a place, and why: the chosen service, or the
 * care zone's helpdesk when none can take it (an unmet need), with every rule and candidate weighed.
 */
public record RoutingExplanation(
        Place place,
        String theme,
        String language,
        LocalDate date,
        Receiver chosen,
        boolean helpdeskFallback,
        CareZone careZone,
        List<Step> considered) {

    public record Receiver(
            String serviceId,
            String organisationId,
            String nameNl,
            String nameFr,
            String intakeTeam,
            String intakeEmail) {}

    /**
     * One level of rules, or one candidate in it, and the verdict on it.
     *
     * @param choosable the candidate could take the referral: the referrer may choose it instead
     * @param details what the candidate does, where, when and how to reach it; none for a level without a rule
     * @param capacity the candidate's {@code OPEN}, {@code FULL} or {@code PAUSED}
     * @param figures how quickly and how often the candidate took referrals lately, from the platform's own
     * @param eligibility who the candidate is for, e.g. 65 and older: the reason for {@code SKIPPED_NOT_ELIGIBLE}
     */
    public record Step(
            String level,
            String levelCode,
            String serviceId,
            String serviceNameNl,
            String serviceNameFr,
            Verdict verdict,
            boolean choosable,
            Details details,
            String capacity,
            LiveFigures figures,
            SupportService.Eligibility eligibility) {}

    /**
     * What a referrer wants to know of a service before choosing it.
     *
     * @param phone the first phone of its contacts
     * @param location where it receives people, if it names a place
     * @param checkedOn when its organisation or an administrator last checked its listing
     */
    public record Details(
            String descriptionNl,
            String descriptionFr,
            List<String> languages,
            String phone,
            Location location,
            List<SupportService.OpeningHours> openingHours,
            LocalDate checkedOn) {}
}

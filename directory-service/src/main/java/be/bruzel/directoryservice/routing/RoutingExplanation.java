package be.bruzel.directoryservice.routing;

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

    /** One level of rules, or one candidate in it, and the verdict on it. */
    public record Step(
            String level,
            String levelCode,
            String serviceId,
            String serviceNameNl,
            String serviceNameFr,
            Verdict verdict) {}
}

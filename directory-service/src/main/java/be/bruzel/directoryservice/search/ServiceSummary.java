package be.bruzel.directoryservice.search;

import be.bruzel.directoryservice.figures.LiveFigures;
import java.time.LocalDate;
import java.util.List;

/**
 * One service in a search result: enough to choose it, with a link to the whole record.
 *
 * @param capacity {@code OPEN}, {@code FULL} or {@code PAUSED}
 * @param checkedOn when its organisation or an administrator last confirmed or changed its listing
 * @param figures how quickly and how often it took referrals lately, from the platform's own
 */
public record ServiceSummary(
        String id,
        String organisationId,
        String organisationNameNl,
        String organisationNameFr,
        String nameNl,
        String nameFr,
        List<String> themes,
        List<String> languages,
        String capacity,
        LocalDate fullUntil,
        LocalDate checkedOn,
        LiveFigures figures) {

    ServiceSummary withFigures(LiveFigures figures) {
        return new ServiceSummary(
                id,
                organisationId,
                organisationNameNl,
                organisationNameFr,
                nameNl,
                nameFr,
                themes,
                languages,
                capacity,
                fullUntil,
                checkedOn,
                figures);
    }
}

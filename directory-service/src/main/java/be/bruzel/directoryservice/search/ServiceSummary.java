package be.bruzel.directoryservice.search;

import java.time.LocalDate;
import java.util.List;

/** One service in a search result: enough to choose it, with a link to the whole record. */
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
        LocalDate fullUntil) {}

package be.bruzel.directoryservice.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a person with this postcode may live, on a date. A postcode alone does not always decide
 * the municipality (1040 and 1050 are each shared by two): then the lookup is ambiguous and the
 * caller must ask which.
 */
public record PostcodeLookup(String postcode, LocalDate date, boolean ambiguous, List<Candidate> candidates) {

    /** One place the postcode covers, with the care zone it belonged to on the date. */
    public record Candidate(Named municipality, Area area, Named careZone) {}

    /**
     * @param district true when the area is a district of a municipality split over care zones
     */
    public record Area(String id, String nameNl, String nameFr, boolean district) {}

    public record Named(String code, String nameNl, String nameFr) {}

    static PostcodeLookup of(String postcode, LocalDate date, List<Candidate> candidates) {
        long municipalities = candidates.stream()
                .map(candidate -> candidate.municipality().code())
                .distinct()
                .count();
        return new PostcodeLookup(postcode, date, municipalities > 1, List.copyOf(candidates));
    }
}

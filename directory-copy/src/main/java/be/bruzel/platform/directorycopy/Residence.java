package be.bruzel.platform.directorycopy;

/**
 * Where a person lives, as the territory had it on a given day: the area (a municipality, or a
 * district where a municipality is split over care zones), its municipality and its care zone.
 */
public record Residence(
        String areaId,
        String municipalityNis,
        String careZoneCode,
        String firstLineZoneCode,
        String nameNl,
        String nameFr) {

    /** Districts have their own id; a municipality that is not split is its own area, under its NIS code. */
    public boolean isDistrict() {
        return !areaId.equals(municipalityNis);
    }
}

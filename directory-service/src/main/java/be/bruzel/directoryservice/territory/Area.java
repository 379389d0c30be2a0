package be.bruzel.directoryservice.territory;

/**
 * A whole municipality, or a district of one split over care zones, with the zone it is in on a
 * date: what lets a figure per district or per care zone be drawn on the municipalities' map.
 *
 * @param municipality the municipality's NIS code
 */
public record Area(String id, String municipality, String nameNl, String nameFr, boolean district, String careZone) {}

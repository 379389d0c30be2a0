package be.bruzel.directoryservice.territory;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a person lives, resolved to one area: the municipality, the district when the
 * municipality is split, the care zone on a given day and the first-line zone.
 */
public record Place(
        String areaId, boolean district, String municipalityNis, String careZoneCode, String firstLineZoneCode) {

    /**
     * The places that contain this one, most local first: a service or routing rule set at any
     * of them covers this place. A whole municipality has no separate area level.
     */
    public List<PlaceRef> enclosingPlaces() {
        List<PlaceRef> places = new ArrayList<>(4);
        if (district) {
            places.add(new PlaceRef(PlaceKind.AREA, areaId));
        }
        places.add(new PlaceRef(PlaceKind.MUNICIPALITY, municipalityNis));
        places.add(new PlaceRef(PlaceKind.CARE_ZONE, careZoneCode));
        places.add(new PlaceRef(PlaceKind.REGION, firstLineZoneCode));
        return places;
    }
}

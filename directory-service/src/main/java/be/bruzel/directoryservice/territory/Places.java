package be.bruzel.directoryservice.territory;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Where people live, for the features that search and route by place. */
@Component
public class Places {

    private final Territory territory;

    Places(Territory territory) {
        this.territory = territory;
    }

    /** Every place matching the filters given (null for any), as the territory was on the date. */
    public List<Place> matching(String postcode, String municipalityNis, String careZone, LocalDate date) {
        return territory.places(postcode, municipalityNis, careZone, date);
    }

    public boolean exists(PlaceRef place) {
        return territory.exists(place);
    }

    public CareZone careZone(String code) {
        return territory.careZones().stream()
                .filter(zone -> zone.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no care zone " + code));
    }
}

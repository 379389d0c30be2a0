package be.bruzel.directoryservice.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fresh an organisation keeps its listing.
 *
 * @param checkEvery how long after its last check a service is due again (six months by default)
 */
@ConfigurationProperties("platform.directory.listing")
public record ListingSettings(@DefaultValue("P6M") Period checkEvery) {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** A service last checked before this day, as it is in Brussels now, is due for a check. */
    LocalDate dueIfCheckedBefore(Instant now) {
        return LocalDate.ofInstant(now, BRUSSELS).minus(checkEvery);
    }
}

package be.bruzel.directoryservice.search;

import be.bruzel.directoryservice.territory.Place;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.territory.Places;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds services in the social map by theme, place, language and words. */
@Repository
class ServiceSearch {

    private final JdbcClient jdbc;
    private final Places places;
    private final Clock clock;

    ServiceSearch(JdbcClient jdbc, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.clock = clock;
    }

    SearchResult find(ServiceCriteria criteria) {
        SearchQuery query = SearchQuery.of(criteria, placesOf(criteria));
        long[] total = {0};
        List<ServiceSummary> items = jdbc.sql(query.sql())
                .params(query.params())
                .query((row, n) -> {
                    total[0] = row.getLong("total");
                    Date fullUntil = row.getDate("full_until");
                    return new ServiceSummary(
                            row.getString("id"),
                            row.getString("organisation_id"),
                            row.getString("organisation_nl"),
                            row.getString("organisation_fr"),
                            row.getString("name_nl"),
                            row.getString("name_fr"),
                            split(row.getString("themes")),
                            split(row.getString("languages")),
                            row.getString("capacity"),
                            fullUntil == null ? null : fullUntil.toLocalDate(),
                            row.getDate("checked_on").toLocalDate(),
                            null);
                })
                .list();
        if (items.isEmpty() && criteria.page() > 0) {
            total[0] = count(criteria);
        }
        return new SearchResult(items, criteria.page(), criteria.size(), total[0]);
    }

    private long count(ServiceCriteria firstPage) {
        ServiceCriteria first = new ServiceCriteria(
                firstPage.theme(),
                firstPage.municipality(),
                firstPage.postcode(),
                firstPage.careZone(),
                firstPage.language(),
                firstPage.q(),
                0,
                1);
        SearchQuery query = SearchQuery.of(first, placesOf(first));
        return jdbc.sql(query.sql())
                .params(query.params())
                .query((row, n) -> row.getLong("total"))
                .optional()
                .orElse(0L);
    }

    /** The searched places and all that contain them; refuses a place the territory does not know. */
    private List<PlaceRef> placesOf(ServiceCriteria criteria) {
        if (!criteria.filtersByPlace()) {
            return List.of();
        }
        List<Place> found = places.matching(
                criteria.postcode(), criteria.municipality(), criteria.careZone(), LocalDate.now(clock));
        if (found.isEmpty()) {
            String field = criteria.postcode() != null
                    ? "postcode"
                    : criteria.municipality() != null ? "municipality" : "careZone";
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "search.place.unknown", field);
        }
        return found.stream()
                .flatMap(place -> place.enclosingPlaces().stream())
                .distinct()
                .toList();
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}

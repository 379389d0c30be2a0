package be.bruzel.directoryservice.search;

import be.bruzel.directoryservice.figures.ServiceFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Services")
class ServiceSearchController {

    private final ServiceSearch search;
    private final ServiceFigures figures;

    ServiceSearchController(ServiceSearch search, ServiceFigures figures) {
        this.search = search;
        this.figures = figures;
    }

    @GetMapping("/api/directory/services")
    @Operation(
            summary = "Find services by theme, municipality or postcode, care zone, language and free text",
            description = "Free text matches names and descriptions in Dutch and French, with stemming, "
                    + "ignoring case and accents, and forgives typos in names. Paged (size at most 100). Each "
                    + "service has its figures of the last 90 days from the platform's own referrals (acceptance "
                    + "rate, median hours to acceptance), hidden below 5 referrals.")
    SearchResult find(@Valid @ModelAttribute ServiceCriteria criteria) {
        SearchResult found = search.find(criteria);
        return found.withFigures(
                figures.of(found.items().stream().map(ServiceSummary::id).toList()));
    }
}

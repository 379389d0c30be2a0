package be.bruzel.directoryservice.search;

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

    ServiceSearchController(ServiceSearch search) {
        this.search = search;
    }

    @GetMapping("/api/directory/services")
    @Operation(
            summary = "Find services by theme, municipality or postcode, care zone, language and free text",
            description = "Free text matches names and descriptions in Dutch and French, with stemming, "
                    + "ignoring case and accents, and forgives typos in names. Paged (size at most 100).")
    SearchResult find(@Valid @ModelAttribute ServiceCriteria criteria) {
        return search.find(criteria);
    }
}

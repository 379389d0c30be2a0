package be.bruzel.directoryservice.hsds;

import be.bruzel.platform.support.problem.RejectedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 API over the social map, read-only and open to anyone as Open Referral's profiles
 * expect: the directory holds no personal data. Pages are numbered from 1.
 */
@RestController
@RequestMapping(path = HsdsApiController.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HSDS API", description = "Open Referral HSDS 3.0 API: the social map for other maps and tools, no sign-in")
class HsdsApiController {

    static final String ROOT = "/api/directory/hsds/v3";

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final HsdsApi api;
    private final String publicUrl;

    HsdsApiController(HsdsApi api, @Value("${platform.directory.public-url}") String publicUrl) {
        if (publicUrl.isBlank()) {
            throw new IllegalStateException("PLATFORM_WEB_URL must say where the platform is reached from outside");
        }
        this.api = api;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GetMapping({"", "/"})
    @Operation(summary = "The HSDS version of this API, its profile and its OpenAPI document")
    ObjectNode about() {
        ObjectNode about = HsdsJson.MAPPER.createObjectNode();
        about.put("version", HsdsDataSet.VERSION);
        about.put("profile", publicUrl + ROOT + "/profile");
        about.put("openapi_url", publicUrl + ROOT + "/openapi.json");
        return about;
    }

    @GetMapping(path = "/profile", produces = "text/markdown;charset=UTF-8")
    @Operation(summary = "The platform's profile of HSDS: its x_ fields, ids, taxonomy and service areas")
    byte[] profile() {
        return resource("hsds-3.0/profile.md");
    }

    @GetMapping("/openapi.json")
    @Operation(summary = "The official HSDS 3.0 OpenAPI document, naming this API")
    JsonNode openApi() {
        ObjectNode document = (ObjectNode) HsdsJson.MAPPER.readTree(resource("hsds-3.0/openapi.json"));
        ObjectNode info = document.putObject("info");
        info.put("title", "BruZEL social map, HSDS 3.0 API");
        info.put("version", HsdsDataSet.VERSION);
        info.put(
                "description",
                "The social map of the Brussels social referral platform. Profile: " + publicUrl + ROOT + "/profile");
        info.putObject("license")
                .put("name", "CC BY-SA 4.0 (HSDS)")
                .put("url", "https://creativecommons.org/licenses/by-sa/4.0/");
        document.putArray("servers").addObject().put("url", publicUrl + ROOT);
        return document;
    }

    @GetMapping("/services")
    @Operation(summary = "Services, a page at a time, by Dutch name; one-to-one fields, or fully nested with full=true")
    HsdsPage services(
            @Valid @ModelAttribute ServiceFilters filters,
            @Valid @ModelAttribute Paging paging,
            @RequestParam(defaultValue = "false") boolean full) {
        return api.services(filters.query(), full, paging.page(), paging.perPage());
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "A service, fully nested, with its organization")
    ResponseEntity<JsonNode> service(@PathVariable @Size(max = 100) String id) {
        return found(api.service(id));
    }

    @GetMapping("/organizations")
    @Operation(summary = "Organizations, a page at a time, by Dutch name; fully nested with full=true")
    HsdsPage organizations(
            @RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(defaultValue = "false") boolean full,
            @RequestParam(name = "full_service", defaultValue = "false") boolean fullService,
            @Valid @ModelAttribute Paging paging) {
        return api.organizations(blankless(search), full, fullService, paging.page(), paging.perPage());
    }

    @GetMapping("/organizations/{id}")
    @Operation(
            summary = "An organization with its locations and its services, in brief or with full_service=true in full")
    ResponseEntity<JsonNode> organization(
            @PathVariable @Size(max = 100) String id,
            @RequestParam(name = "full_service", defaultValue = "false") boolean fullService) {
        return found(api.organization(id, fullService));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "The taxonomies: the platform's themes")
    HsdsPage taxonomies(@Valid @ModelAttribute Paging paging) {
        return api.taxonomies(paging.page(), paging.perPage());
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "A taxonomy")
    ResponseEntity<JsonNode> taxonomy(@PathVariable @Size(max = 100) String id) {
        return found(api.taxonomy(id));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "The themes as taxonomy terms, by code")
    HsdsPage taxonomyTerms(
            @RequestParam(name = "taxonomy_id", required = false) @Size(max = 100) String taxonomyId,
            @RequestParam(required = false) @Size(max = 200) String search,
            @Valid @ModelAttribute Paging paging) {
        return api.taxonomyTerms(blankless(taxonomyId), blankless(search), paging.page(), paging.perPage());
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "A theme as a taxonomy term")
    ResponseEntity<JsonNode> taxonomyTerm(@PathVariable @Size(max = 100) String id) {
        return found(api.taxonomyTerm(id));
    }

    @GetMapping("/service_at_locations")
    @Operation(summary = "Services at their locations, a page at a time; fully nested with full=true")
    HsdsPage servicesAtLocations(
            @Valid @ModelAttribute ServiceFilters filters,
            @Valid @ModelAttribute Paging paging,
            @RequestParam(defaultValue = "false") boolean full) {
        return api.servicesAtLocations(filters.query(), full, paging.page(), paging.perPage());
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "A service at a location, fully nested")
    ResponseEntity<JsonNode> serviceAtLocation(@PathVariable @Size(max = 100) String id) {
        return found(api.serviceAtLocation(id));
    }

    /** The HSDS API's paging: pages numbered from 1, 50 items a page unless asked (at most 1000). */
    record Paging(
            @Min(1) @Max(100_000) Integer page,
            @BindParam("per_page") @Min(1) @Max(1000) Integer perPage) {

        Paging {
            page = page == null ? 1 : page;
            perPage = perPage == null ? 50 : perPage;
        }
    }

    /** The HSDS API's filters on services, each optional. */
    record ServiceFilters(
            @Size(max = 200) String search,
            @BindParam("taxonomy_term_id") @Size(max = 100) String taxonomyTermId,
            @BindParam("taxonomy_id") @Size(max = 100) String taxonomyId,
            @BindParam("organization_id") @Size(max = 100) String organizationId,
            @BindParam("modified_after") @Size(max = 40) String modifiedAfter,
            @Pattern(regexp = "[0-9]{4}") String postcode) {

        HsdsApi.ServiceQuery query() {
            return new HsdsApi.ServiceQuery(
                    blankless(search),
                    blankless(taxonomyTermId),
                    blankless(taxonomyId),
                    blankless(organizationId),
                    instant(blankless(modifiedAfter)),
                    postcode);
        }
    }

    /** An RFC 3339 date-time, or a date: from its start in Brussels. */
    private static Instant instant(String modifiedAfter) {
        if (modifiedAfter == null) {
            return null;
        }
        try {
            OffsetDateTime after = modifiedAfter.length() == 10
                    ? LocalDate.parse(modifiedAfter).atStartOfDay(BRUSSELS).toOffsetDateTime()
                    : OffsetDateTime.parse(modifiedAfter);
            if (after.getYear() < 1 || after.getYear() > 9999) {
                throw new DateTimeParseException("beyond the database's years", modifiedAfter, 0);
            }
            return after.toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "hsds.modified-after.unreadable", "modified_after");
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ResponseEntity<JsonNode> found(Optional<JsonNode> found) {
        return found.map(ResponseEntity::ok)
                .orElseThrow(() -> new RejectedRequestException(HttpStatus.NOT_FOUND, "hsds.not-found", "id"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}

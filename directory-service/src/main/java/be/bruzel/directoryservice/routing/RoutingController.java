package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.territory.PlaceKind;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory")
@Tag(name = "Routing", description = "Who receives a referral, and the rules administrators set for it")
class RoutingController {

    private final RoutingExplainer explainer;
    private final RoutingRules rules;
    private final RoutingAdministration administration;
    private final Clock clock;

    RoutingController(
            RoutingExplainer explainer, RoutingRules rules, RoutingAdministration administration, Clock clock) {
        this.explainer = explainer;
        this.rules = rules;
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping("/routing")
    @Operation(
            summary = "Explain who would receive a referral on a theme from a place, in a language",
            description = "Where the postcode is shared by two municipalities (1040, 1050), the municipality "
                    + "(NIS code) is needed too. The answer names the chosen service or the care zone's helpdesk "
                    + "(an unmet need), and every rule and candidate weighed with the verdict on it. The person's "
                    + "year of birth and facts (each said true or false; left out, not known) make routing skip "
                    + "a service the person is certainly not eligible for; nothing of them is stored.")
    RoutingExplanation explain(
            @RequestParam @Pattern(regexp = "[0-9]{4}") String postcode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{5}") String municipality,
            @RequestParam @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String theme,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}") String language,
            @RequestParam(required = false) @Min(1900) @Max(2100) Integer yearOfBirth,
            @RequestParam(required = false) @Size(max = 4) Set<Fact> factsTrue,
            @RequestParam(required = false) @Size(max = 4) Set<Fact> factsFalse,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return explainer.explain(
                postcode,
                municipality,
                theme,
                language,
                personOf(yearOfBirth, factsTrue, factsFalse),
                date != null ? date : LocalDate.now(clock));
    }

    private static PersonFacts personOf(Integer yearOfBirth, Set<Fact> factsTrue, Set<Fact> factsFalse) {
        try {
            return PersonFacts.of(yearOfBirth, factsTrue, factsFalse);
        } catch (IllegalArgumentException contradiction) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "routing.facts.contradictory", "factsFalse");
        }
    }

    @GetMapping("/routing-rules")
    @Operation(summary = "The routing rules, filtered by place kind, place code and theme")
    List<RoutingRule> rules(
            @RequestParam(required = false) PlaceKind kind,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String theme) {
        return rules.matching(kind == null ? null : kind.name(), code, theme);
    }

    /** The services of a rule, most preferred first. */
    record ServiceOrder(
            @NotNull @Size(max = 20) List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}") String> serviceIds) {}

    @PutMapping("/routing-rules/{kind}/{code}/{theme}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Set the receiving services for a place and theme, in order (administrators); "
                    + "an empty list removes the rule")
    RoutingRule replace(
            @AuthenticationPrincipal Caller caller,
            @PathVariable PlaceKind kind,
            @PathVariable String code,
            @PathVariable String theme,
            @Valid @RequestBody ServiceOrder order) {
        RoutingRule rule = new RoutingRule(new PlaceRef(kind, code), theme, order.serviceIds());
        administration.replace(caller.userId(), rule);
        return rule;
    }
}

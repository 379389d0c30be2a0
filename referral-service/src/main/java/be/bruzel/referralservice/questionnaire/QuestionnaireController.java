package be.bruzel.referralservice.questionnaire;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/questionnaires")
@Validated
@Tag(
        name = "Needs questionnaires",
        description = "The zone's needs questionnaire: written and published by administrators, asked by referrers")
class QuestionnaireController {

    private final ZoneQuestionnaires questionnaires;

    QuestionnaireController(ZoneQuestionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    record Publication(@NotNull LocalDate validFrom) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ANALYST')")
    @Operation(summary = "Every version of every questionnaire, each questionnaire's newest first")
    List<Questionnaire> all() {
        return questionnaires.all();
    }

    @GetMapping("/current")
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(
            summary = "The questionnaire to go through with the person, where they live",
            description = "The version in force today in the person's municipality (one written for the "
                    + "municipality before one for the whole zone): a list of one, or empty where none is asked.")
    List<Questionnaire> current(
            @RequestParam @Pattern(regexp = "1[0-2][0-9]{2}", message = "{referral.postcode.brussels}") String postcode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{5}") String municipality) {
        return questionnaires.current(postcode, municipality).stream().toList();
    }

    @GetMapping("/{code}/versions/{version}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ANALYST', 'REFERRER', 'ORGANISATION_WORKER')")
    @Operation(summary = "One version; a draft only for administrators and analysts")
    Questionnaire version(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Pattern(regexp = Questionnaire.CODE) String code,
            @PathVariable @Min(1) int version) {
        return questionnaires.version(caller, code, version);
    }

    @PostMapping("/{code}/versions")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Write a new version, as a draft",
            description = "The first version of a new questionnaire, or the next one of an existing one (one draft "
                    + "at a time). Option codes are unique in the whole version; one option at most is the "
                    + "\"other need\".")
    ResponseEntity<Questionnaire> define(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Pattern(regexp = Questionnaire.CODE) String code,
            @Valid @RequestBody DefineQuestionnaire definition) {
        Questionnaire draft = questionnaires.define(caller, code, definition);
        return ResponseEntity.created(URI.create("/api/questionnaires/" + code + "/versions/" + draft.version()))
                .body(draft);
    }

    @PutMapping("/{code}/versions/{version}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Edit a draft; a published version is never edited (409): write a new one")
    Questionnaire edit(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Pattern(regexp = Questionnaire.CODE) String code,
            @PathVariable @Min(1) int version,
            @Valid @RequestBody DefineQuestionnaire definition) {
        return questionnaires.edit(caller, code, version, definition);
    }

    @PostMapping("/{code}/versions/{version}/publication")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Publish a draft from a day (today or later)",
            description = "From that day it is asked, and replaces the version of the same questionnaire before it.")
    Questionnaire publish(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Pattern(regexp = Questionnaire.CODE) String code,
            @PathVariable @Min(1) int version,
            @Valid @RequestBody Publication publication) {
        return questionnaires.publish(caller, code, version, publication.validFrom());
    }

    @PostMapping("/{code}/versions/{version}/withdrawal")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Withdraw a published version",
            description = "No longer asked nor answered; the version it replaced, if any, is asked again. Answers "
                    + "already given stay.")
    Questionnaire withdraw(
            @AuthenticationPrincipal Caller caller,
            @PathVariable @Pattern(regexp = Questionnaire.CODE) String code,
            @PathVariable @Min(1) int version) {
        return questionnaires.withdraw(caller, code, version);
    }
}

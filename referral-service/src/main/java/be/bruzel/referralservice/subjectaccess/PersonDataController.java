package be.bruzel.referralservice.subjectaccess;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Privacy", description = "Who read a person's data, and who tried to")
class PersonDataController {

    private final PersonDataExport export;
    private final PersonDataPage page;

    PersonDataController(PersonDataExport export, PersonDataPage page) {
        this.export = export;
        this.page = page;
    }

    @GetMapping(path = "/api/referrals/{id}/person-data", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REFERRER', 'ADMINISTRATOR')")
    @Operation(
            summary = "Everything held about the person in this referral, and who read it (GDPR art. 15)",
            description = "For its referrer or an administrator; with Accept: text/html a printable page in the "
                    + "person's language. The read is logged.")
    PersonData json(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return export.of(caller, id);
    }

    @GetMapping(path = "/api/referrals/{id}/person-data", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasAnyRole('REFERRER', 'ADMINISTRATOR')")
    String html(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return page.render(export.of(caller, id));
    }
}

package be.bruzel.referralservice.privacy;

import be.bruzel.platform.support.paging.NextPage;
import be.bruzel.platform.support.problem.RejectedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals/access-log")
@Validated
@Tag(name = "Privacy", description = "Who read a person's data, and who tried to")
class AccessLogController {

    private final PersonDataAccessLog log;

    AccessLogController(PersonDataAccessLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Every read of the person's data in a referral, and every refused attempt (administrators)",
            description = "Oldest first, a page at a time (a full page links to the next). With refused=true and no "
                    + "referral: the newest refused attempts over all referrals.")
    ResponseEntity<List<PersonDataAccessLog.Access>> of(
            HttpServletRequest request,
            @RequestParam(required = false) UUID referral,
            @RequestParam(defaultValue = "false") boolean refused,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (referral != null) {
            return NextPage.of(request, log.of(referral, refused, page, size), page, size);
        }
        if (!refused) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "access-log.referral.required", "referral");
        }
        return NextPage.of(request, log.refusals(page, size), page, size);
    }
}

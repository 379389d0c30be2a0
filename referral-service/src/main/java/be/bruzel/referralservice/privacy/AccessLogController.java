package be.bruzel.referralservice.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals/access-log")
@Tag(name = "Privacy", description = "Who read a person's data")
class AccessLogController {

    private final PersonDataAccessLog log;

    AccessLogController(PersonDataAccessLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Every read of the person's data in a referral (administrators)")
    List<PersonDataAccessLog.Access> of(@RequestParam UUID referral) {
        return log.of(referral);
    }
}

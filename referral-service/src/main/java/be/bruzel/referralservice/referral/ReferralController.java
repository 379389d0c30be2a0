package be.bruzel.referralservice.referral;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals", description = "Refer a person to local welfare support")
class ReferralController {

    private final ReferralSubmission submission;
    private final Referrals referrals;

    ReferralController(ReferralSubmission submission, Referrals referrals) {
        this.submission = submission;
        this.referrals = referrals;
    }

    @PostMapping
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "Refer a person, with their consent")
    ResponseEntity<ReferralView> submit(@AuthenticationPrincipal Caller caller,
            @Valid @RequestBody SubmitReferral request) {
        Referral referral = submission.submit(caller.userId(), request);
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralView.of(referral));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A referral of mine")
    ReferralView find(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return referrals.find(id)
                .filter(referral -> referral.isVisibleTo(caller.userId()))
                .map(ReferralView::of)
                .orElseThrow(() -> RejectedRequestException.notFound("referral.not-found", id));
    }
}

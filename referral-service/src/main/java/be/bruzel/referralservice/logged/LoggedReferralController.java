package be.bruzel.referralservice.logged;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals/logged")
@Validated
@Tag(name = "Logged referrals", description = "Referrals made outside the platform, logged so that they count")
class LoggedReferralController {

    private final ReferralLog log;
    private final LoggedReferrals logged;

    LoggedReferralController(ReferralLog log, LoggedReferrals logged) {
        this.log = log;
        this.logged = logged;
    }

    /** A logged referral as its referrer sees it. */
    record LoggedReferralView(
            UUID id,
            LocalDate madeOn,
            String channel,
            List<String> themes,
            String postcode,
            String municipalityNis,
            String careZone,
            String organisationId,
            Instant loggedAt) {

        static LoggedReferralView of(LoggedReferral referral) {
            return new LoggedReferralView(
                    referral.id(),
                    referral.madeOn(),
                    referral.channel().name(),
                    referral.themeCodes(),
                    referral.place().postcode(),
                    referral.place().municipalityNis(),
                    referral.place().careZoneCode(),
                    referral.receivingOrganisationId(),
                    referral.loggedAt());
        }
    }

    record LoggedPage(List<LoggedReferralView> items, int page, int size, long total) {}

    @PostMapping
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(
            summary = "Log a referral made outside the platform (by phone, on paper)",
            description = "Themes, where the person lives (postcode, and the municipality where it is shared), how "
                    + "it was made and, if known, the organisation: nothing of the person. It counts in the "
                    + "statistics as logged, apart from the platform's own referrals; nothing else happens to it.")
    ResponseEntity<LoggedReferralView> log(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody LogReferral request) {
        LoggedReferralView view = LoggedReferralView.of(log.log(caller, request));
        return ResponseEntity.created(URI.create("/api/referrals/logged/" + view.id()))
                .body(view);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "One referral I logged; another referrer's does not exist (404)")
    LoggedReferralView one(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return logged.find(caller.userId(), id)
                .map(LoggedReferralView::of)
                .orElseThrow(() -> RejectedRequestException.notFound("logged.not-found", id));
    }

    @GetMapping
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "The referrals I logged, the most recently made first")
    LoggedPage mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new LoggedPage(
                logged.of(caller.userId(), page, size).stream()
                        .map(LoggedReferralView::of)
                        .toList(),
                page,
                size,
                logged.count(caller.userId()));
    }
}

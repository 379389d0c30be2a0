package be.bruzel.referralservice.referral;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
@Validated
@Tag(name = "Referrals", description = "Refer a person to local welfare support and close the loop")
class ReferralController {

    private static final String FILTERS = "all|new|accepted|in-progress|overdue|closed";
    private static final String THEME = "[a-z0-9-]{1,60}";
    private static final String LIST = "Narrowed by status, theme (its code) and urgency (ROUTINE, SOON, URGENT). "
            + "Every person named on the page is an entry in the access log.";
    private static final String SEARCH = "The list's parameters in a JSON body, with search: words of the person's "
            + "name (any case, with or without accents) or the start of the reference. A POST, so that a name never "
            + "appears in an address, a browser's history or a proxy's log. Counted as a read by the rate limits.";

    private final ReferralSubmission submission;
    private final ReferralActions actions;
    private final ReferralReading reading;
    private final ReferralErasure erasure;

    ReferralController(
            ReferralSubmission submission, ReferralActions actions, ReferralReading reading, ReferralErasure erasure) {
        this.submission = submission;
        this.actions = actions;
        this.reading = reading;
        this.erasure = erasure;
    }

    /** What a submission created: one referral per receiver of its themes. */
    record SubmissionView(UUID id, List<ReferralSummary> referrals) {}

    /** @param remark for the referrer only, e.g. what else the person could try; erased with the person's data */
    record Decline(
            @NotNull Referral.DeclineReason reason,
            @Size(max = 1000) String remark) {}

    /** @param remark for the receiving organisation; erased with the person's data */
    record Cancel(@Size(max = 1000) String remark) {}

    /** @param note e.g. "voicemail left, calls back Monday"; erased with the person's data */
    record LogContactAttempt(
            @NotNull Instant attemptedAt,
            @NotNull ContactAttempt.Channel channel,
            @NotNull Boolean reached,
            @Size(max = 1000) String note) {}

    /** @param reason {@code PERSON_REQUEST}, {@code CONSENT_WITHDRAWN} or {@code ENTERED_IN_ERROR} */
    record RequestErasure(@NotNull Referral.ErasureReason reason) {}

    record ErasureView(UUID referralId, Instant erasedAt, String reason) {}

    record Complete(@NotNull Referral.Outcome outcome) {}

    record Rate(@NotNull @Min(1) @Max(5) Integer score) {}

    /**
     * A list's narrowing with the words to search for; left out: all statuses, any theme and urgency,
     * the first page of 20.
     */
    record Search(
            @Pattern(regexp = FILTERS) String status,
            @Pattern(regexp = THEME) String theme,
            Referral.Urgency urgency,
            @NotBlank @Size(min = 2, max = 100) String search,
            @Min(0) Integer page,
            @Min(1) @Max(100) Integer size) {

        Search {
            status = status == null ? "all" : status;
            page = page == null ? 0 : page;
            size = size == null ? 20 : size;
        }

        ReferralLists.Criteria criteria() {
            return ReferralController.criteria(status, theme, urgency, search);
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(
            summary = "Refer a person, with their consent; each theme is routed to who receives it",
            description = "Send an Idempotency-Key to retry safely: the same key returns what the first attempt "
                    + "stored. A postcode shared by two municipalities needs person.municipality.")
    ResponseEntity<SubmissionView> submit(
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 8, max = 100)
                    @Pattern(regexp = "[A-Za-z0-9._:-]+")
                    String idempotencyKey,
            @Valid @RequestBody SubmitReferral request) {
        ReferralSubmission.Submission stored = submission.submit(caller, Optional.ofNullable(idempotencyKey), request);
        SubmissionView view = new SubmissionView(
                stored.id(),
                stored.referrals().stream().map(ReferralSummary::of).toList());
        return ResponseEntity.created(URI.create(
                        "/api/referrals/" + view.referrals().getFirst().id()))
                .header("Idempotency-Replayed", String.valueOf(stored.replayed()))
                .body(view);
    }

    @GetMapping
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "My referrals, overdue and open first, with each person's name (logged)", description = LIST)
    ReferralPage mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "all") @Pattern(regexp = FILTERS) String status,
            @RequestParam(required = false) @Pattern(regexp = THEME) String theme,
            @RequestParam(required = false) Referral.Urgency urgency,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reading.mine(caller, criteria(status, theme, urgency, null), page, size);
    }

    @PostMapping(path = "/_search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "Search my referrals by the person's name or the reference (logged)", description = SEARCH)
    ReferralPage searchMine(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Search search) {
        return reading.mine(caller, search.criteria(), search.page(), search.size());
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(
            summary = "My organisation's inbox: overdue and new first, then urgent, then newest (logged)",
            description = LIST)
    ReferralPage inbox(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "all") @Pattern(regexp = FILTERS) String status,
            @RequestParam(required = false) @Pattern(regexp = THEME) String theme,
            @RequestParam(required = false) Referral.Urgency urgency,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reading.inbox(caller, criteria(status, theme, urgency, null), page, size);
    }

    @PostMapping(path = "/inbox/_search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(
            summary = "Search my organisation's inbox by the person's name or the reference (logged)",
            description = SEARCH)
    ReferralPage searchInbox(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Search search) {
        return reading.inbox(caller, search.criteria(), search.page(), search.size());
    }

    private static ReferralLists.Criteria criteria(
            String status, String theme, Referral.Urgency urgency, String search) {
        return new ReferralLists.Criteria(
                ReferralLists.Filter.of(status),
                Optional.ofNullable(theme),
                Optional.ofNullable(urgency),
                Optional.ofNullable(search));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A referral with the person's data, its timeline and its routing (logged)",
            description = "Only its referrer and its receiving organisation see it; for anyone else it does not "
                    + "exist. The receiving organisation's first read marks it received.")
    ReferralView find(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return reading.open(caller, id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(summary = "Accept: the organisation will contact the person")
    ReferralView accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        actions.accept(caller, id);
        return reading.open(caller, id);
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(
            summary = "Decline with a reason: it goes to the next candidate, or back to the referrer",
            description = "Afterwards the referral is no longer this organisation's: nothing is returned.")
    ResponseEntity<Void> decline(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Decline decline) {
        actions.decline(caller, id, decline.reason(), textOrNull(decline.remark()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/contact-attempts")
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(summary = "Log an attempt to reach the person; the first that reaches them starts the work")
    ResponseEntity<ContactAttempt> logContactAttempt(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody LogContactAttempt attempt) {
        ContactAttempt logged = actions.logContactAttempt(
                caller, id, attempt.channel(), attempt.reached(), attempt.attemptedAt(), textOrNull(attempt.note()));
        return ResponseEntity.created(URI.create("/api/referrals/" + id + "/contact-attempts/" + logged.id()))
                .body(logged);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('ORGANISATION_WORKER')")
    @Operation(summary = "Complete with an outcome")
    ReferralView complete(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Complete complete) {
        actions.complete(caller, id, complete.outcome());
        return reading.open(caller, id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('REFERRER')")
    @Operation(summary = "Withdraw the referral (its referrer), before it is completed")
    ReferralView cancel(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) Cancel cancel) {
        actions.cancel(caller, id, cancel == null ? null : textOrNull(cancel.remark()));
        return reading.open(caller, id);
    }

    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('REFERRER', 'ADMINISTRATOR')")
    @Operation(
            summary = "Erase the person's data now (GDPR art. 17), by its referrer or an administrator",
            description = "An open referral is withdrawn first and its organisation told. The referral keeps its "
                    + "codes, timeline and times. Asking again answers with the first erasure.")
    ErasureView erase(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody RequestErasure request) {
        Referral.Erasure erased = erasure.onRequest(caller, id, request.reason());
        return new ErasureView(id, erased.erasedAt(), ReferralView.code(erased.reason()));
    }

    @PostMapping("/{id}/satisfaction")
    @Operation(summary = "Score a completed referral, once per side, 1 (poor) to 5 (very good)")
    ResponseEntity<Satisfaction> rate(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody Rate rate) {
        return ResponseEntity.status(201).body(actions.rate(caller, id, rate.score()));
    }

    private static String textOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

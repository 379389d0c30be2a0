package be.bruzel.referralservice.feedback;

import be.bruzel.platform.support.paging.NextPage;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals/{id}/messages")
@Tag(name = "Feedback", description = "The thread between the referrer and the receiving organisation")
class FeedbackController {

    private final FeedbackThread thread;

    FeedbackController(FeedbackThread thread) {
        this.thread = thread;
    }

    record PostMessage(@NotBlank @Size(max = 4000) String body) {}

    @GetMapping
    @Operation(
            summary = "The feedback thread, oldest first, a page at a time (its referrer and receiving organisation "
                    + "only; an organisation that received it after another reads only what was said with itself)")
    ResponseEntity<List<FeedbackMessage>> read(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "200") @Min(1) @Max(500) int size) {
        return NextPage.of(request, thread.read(caller, id, page, size), page, size);
    }

    @PostMapping
    @Operation(summary = "Write in the feedback thread")
    ResponseEntity<FeedbackMessage> post(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID id, @Valid @RequestBody PostMessage message) {
        FeedbackMessage posted = thread.post(caller, id, message.body());
        return ResponseEntity.created(URI.create("/api/referrals/" + id + "/messages/" + posted.id()))
                .body(posted);
    }
}

package be.bruzel.statisticsservice.usability;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statistics/usability")
@Tag(name = "Usability survey", description = "The System Usability Scale, offered to each user once every six months")
class UsabilityController {

    private final Usability usability;

    UsabilityController(Usability usability) {
        this.usability = usability;
    }

    record Offer(boolean due) {}

    /**
     * @param answers the ten statements' answers in order, each 1 (strongly disagree) to 5 (strongly agree); none:
     *     the user declines; {@link SusScore} says what it refuses
     */
    record Response(List<Integer> answers) {}

    record Recorded(Double score) {}

    @GetMapping("/offer")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Whether the survey is to be offered to the caller now")
    Offer offer(@AuthenticationPrincipal Caller caller) {
        return new Offer(usability.isDue(caller));
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "The caller's answers (or none: declined)",
            description = "Ten answers from 1 to 5, or none to decline; either way not offered again for six months.")
    Recorded respond(@AuthenticationPrincipal Caller caller, @RequestBody Response response) {
        return new Recorded(usability.respond(caller, response.answers()));
    }
}

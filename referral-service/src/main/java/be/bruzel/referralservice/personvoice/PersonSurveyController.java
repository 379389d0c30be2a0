package be.bruzel.referralservice.personvoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's own page, without an account: the link they were sent is their key, in the {@value #TOKEN} header (the
 * page has it from the address's fragment, which no server logs).
 */
@RestController
@RequestMapping(PersonSurveyController.PATH)
@Tag(
        name = "The person's own voice",
        description = "For the person referred, through the link they were sent: no sign-in, the link is the key")
class PersonSurveyController {

    static final String PATH = "/api/person-survey";
    static final String TOKEN = "Survey-Token";

    private final PersonVoice voice;

    PersonSurveyController(PersonVoice voice) {
        this.voice = voice;
    }

    /**
     * @param contacted whether the organisation contacted them
     * @param score how satisfied they are, 1 (not at all) to 5 (very); optional
     * @param comment in their own words; optional; personal data, erased with the rest of it
     */
    record PersonAnswer(
            @NotNull(message = "{person-survey.contacted.required}")
            Boolean contacted,

            @Min(value = 1, message = "{person-survey.score.range}")
            @Max(value = 5, message = "{person-survey.score.range}")
            Integer score,

            @Size(max = 1000) String comment) {}

    @GetMapping
    @Operation(
            summary = "What the person is asked, about which referral",
            description = "404 for a link that is not one of the platform's (reason unknown), 410 for one that expired "
                    + "or was used (reason expired, answered).")
    PersonVoice.Question question(
            @Parameter(description = "the token of the link") @RequestHeader(name = TOKEN, required = false)
                    String token) {
        return voice.open(token);
    }

    @PostMapping
    @Operation(summary = "The person's answer: once per link, until it expires")
    PersonVoice.Answered answer(
            @RequestHeader(name = TOKEN, required = false) String token, @Valid @RequestBody PersonAnswer answer) {
        return voice.answer(token, answer.contacted(), answer.score(), answer.comment());
    }
}

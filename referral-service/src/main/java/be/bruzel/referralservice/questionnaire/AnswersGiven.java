package be.bruzel.referralservice.questionnaire;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the referrer answered with the person, sent with the referral.
 *
 * @param version the version that was asked: the one in force where the person lives
 * @param answers the codes of the options chosen
 * @param otherNeed the need in the referrer's words, with the questionnaire's "other need" option only
 */
public record AnswersGiven(
        @NotNull @Pattern(regexp = Questionnaire.CODE) String code,
        @NotNull @Min(1) Integer version,
        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = Questionnaire.CODE) String> answers,
        @Size(max = 500) String otherNeed) {}

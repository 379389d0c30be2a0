package be.bruzel.referralservice.questionnaire;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A version of a questionnaire as an administrator writes it.
 *
 * @param municipalities NIS codes of the municipalities where it is asked; none or empty: the whole zone
 */
record DefineQuestionnaire(
        @NotNull @Valid Questionnaire.Text title,
        @Size(max = 19) List<@NotNull @Pattern(regexp = "[0-9]{5}") String> municipalities,
        @NotEmpty @Size(max = 30) List<Questionnaire.@NotNull @Valid Question> questions) {

    List<String> municipalitiesOrZone() {
        return municipalities == null ? List.of() : municipalities;
    }
}

package be.bruzel.referralservice.referral;

import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.referralservice.questionnaire.AnswersGiven;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * What a referrer sends to refer a person. Every text has a limit; consent is required.
 *
 * @param urgency none means routine
 * @param contact how and when the person prefers to be contacted; optional
 * @param choices by theme, the service the referrer chose in place of the one the rules choose; it must be a
 *     candidate of the rules that can take the referral
 * @param questionnaire the zone's needs questionnaire as the referrer went through it with the person; optional
 * @param onOpenReferral when the person already has an open referral on one of these themes: {@code ASK} stops and
 *     answers 409 naming them, {@code PROCEED} (none) refers all the same
 */
public record SubmitReferral(
        @NotNull @Valid PersonDetails person,
        @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> themes,
        @NotBlank @Size(max = 2000) String question,
        Referral.Urgency urgency,
        @Valid ContactDetails contact,

        @NotNull(message = "{referral.consent.required}") @Valid
        ConsentDetails consent,

        @Size(max = 5)
        Map<
                        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String,
                        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}") String>
                choices,

        @Valid AnswersGiven questionnaire,
        OnOpenReferral onOpenReferral) {

    /** What a submission does when the person already has an open referral on one of its themes. */
    public enum OnOpenReferral {
        ASK,
        PROCEED
    }

    boolean asksAboutOpenReferrals() {
        return onOpenReferral == OnOpenReferral.ASK;
    }

    /** The same referral whatever it says of open referrals: a retry after being told is the same submission. */
    SubmitReferral whateverTheOpenReferrals() {
        return new SubmitReferral(person, themes, question, urgency, contact, consent, choices, questionnaire, null);
    }

    /** A theme the referrer chose a service for but does not refer on. */
    Optional<String> choiceOnAnotherTheme() {
        return choices == null
                ? Optional.empty()
                : choices.keySet().stream()
                        .filter(theme -> !themes.contains(theme))
                        .findFirst();
    }

    Optional<String> choiceFor(String theme) {
        return choices == null ? Optional.empty() : Optional.ofNullable(choices.get(theme));
    }

    /**
     * @param postcode a Brussels postcode (1000 to 1299)
     * @param municipality the municipality's NIS code, needed where a postcode covers two (1040, 1050)
     * @param preferredLanguage nl, fr or en
     * @param yearOfBirth optional; with the facts, routing skips a service the person is certainly not eligible for
     * @param facts what the referrer knows of the person, each true or false; left out: not known
     */
    public record PersonDetails(
            @NotBlank @Size(max = 200) String name,

            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ./()-]{6,30}")
            String phone,

            @Size(max = 254) @Email String email,
            @NotNull @Pattern(regexp = "nl|fr|en") String preferredLanguage,

            @NotNull @Pattern(regexp = "1[0-2][0-9]{2}", message = "{referral.postcode.brussels}")
            String postcode,

            @Pattern(regexp = "[0-9]{5}") String municipality,

            @Min(1900) @Max(2100) Integer yearOfBirth,
            @Size(max = 4) Map<@NotNull Fact, @NotNull Boolean> facts) {

        @JsonIgnore
        @AssertTrue(message = "{referral.person.contact.required}")
        public boolean isContact() {
            return !isBlank(phone) || !isBlank(email);
        }
    }

    /**
     * @param channel PHONE or EMAIL; none: either
     * @param moment e.g. "weekdays after 17h"
     */
    public record ContactDetails(
            @Pattern(regexp = "PHONE|EMAIL") String channel,
            @Size(max = 200) String moment) {}

    /**
     * @param given the person agreed to be referred and to share these details with the organisation
     * @param method how the person gave consent
     * @param givenAt when; not in the future
     * @param askAfterwards apart, and optional: the person agrees to be asked afterwards, by e-mail or SMS, whether
     *     they were contacted and how satisfied they are
     */
    public record ConsentDetails(
            @NotNull(message = "{referral.consent.required}") @AssertTrue(message = "{referral.consent.required}")
            Boolean given,

            @NotNull Referral.Consent.Method method,
            @NotNull @PastOrPresent Instant givenAt,
            Boolean askAfterwards) {

        public ConsentDetails(Boolean given, Referral.Consent.Method method, Instant givenAt) {
            this(given, method, givenAt, null);
        }
    }

    /**
     * The person, with what the questionnaire's answers say of them where the referrer said nothing; the referrer
     * saying the opposite of an answer is refused, for one of the two is wrong.
     */
    Referral.Person toPerson(Map<Fact, Boolean> fromAnswers) {
        Map<Fact, Boolean> facts = new EnumMap<>(Fact.class);
        facts.putAll(fromAnswers);
        if (person.facts() != null) {
            person.facts().forEach((fact, said) -> {
                Boolean answered = facts.put(fact, said);
                if (answered != null && !answered.equals(said)) {
                    throw new RejectedRequestException(
                            HttpStatus.BAD_REQUEST, "referral.person.facts.against-answers", "person.facts", fact);
                }
            });
        }
        return new Referral.Person(
                person.name().strip(),
                blankToNull(person.phone()),
                blankToNull(person.email()),
                person.preferredLanguage(),
                new PersonFacts(person.yearOfBirth(), facts));
    }

    Referral.ContactPreference toContactPreference() {
        return contact == null
                ? new Referral.ContactPreference(null, null)
                : new Referral.ContactPreference(contact.channel(), blankToNull(contact.moment()));
    }

    Referral.Urgency urgencyOrRoutine() {
        return urgency == null ? Referral.Urgency.ROUTINE : urgency;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}

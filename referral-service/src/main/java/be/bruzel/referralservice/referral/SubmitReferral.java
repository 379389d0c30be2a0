package be.bruzel.referralservice.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What a referrer sends to refer a person. Every text has a limit; consent is required. */
public record SubmitReferral(
        @NotNull @Valid PersonDetails person,
        @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> themes,
        @NotBlank @Size(max = 2000) String question,
        @NotNull(message = "{referral.consent.required}") @Valid ConsentDetails consent) {

    /**
     * @param postcode a Brussels postcode (1000 to 1299)
     * @param preferredLanguage nl, fr or en
     */
    public record PersonDetails(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ./()-]{6,30}") String phone,
            @Size(max = 254) @Email String email,
            @NotNull @Pattern(regexp = "nl|fr|en") String preferredLanguage,
            @NotNull @Pattern(regexp = "1[0-2][0-9]{2}", message = "{referral.postcode.brussels}") String postcode) {

        @JsonIgnore
        @AssertTrue(message = "{referral.person.contact.required}")
        public boolean isContact() {
            return !isBlank(phone) || !isBlank(email);
        }
    }

    /**
     * @param given the person agreed to be referred and to share these details with the organisation
     * @param method how the person gave consent
     * @param givenAt when; not in the future
     */
    public record ConsentDetails(
            @NotNull(message = "{referral.consent.required}")
            @AssertTrue(message = "{referral.consent.required}") Boolean given,
            @NotNull Referral.Consent.Method method,
            @NotNull @PastOrPresent Instant givenAt) {
    }

    Referral toReferral(String referrerId, Instant now) {
        return Referral.submit(referrerId,
                new Referral.Person(person.name().strip(), blankToNull(person.phone()), blankToNull(person.email()),
                        person.preferredLanguage()),
                person.postcode(), themes, question.strip(),
                new Referral.Consent(consent.method(), consent.givenAt()), now);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}

package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as its referrer sees it. */
public record ReferralView(UUID id, String status, String postcode, List<String> themes, String question,
        PersonView person, Instant submittedAt) {

    public record PersonView(String name, String phone, String email, String preferredLanguage) {
    }

    static ReferralView of(Referral referral) {
        Referral.Person person = referral.person();
        return new ReferralView(referral.id(), referral.status().name().toLowerCase(java.util.Locale.ROOT),
                referral.postcode(), referral.themeCodes(), referral.question(),
                new PersonView(person.name(), person.phone(), person.email(), person.preferredLanguage()),
                referral.submittedAt());
    }
}

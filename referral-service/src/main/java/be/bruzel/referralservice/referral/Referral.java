package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One request for help for one person, sent by a referrer with the person's consent.
 *
 * @param referrerId the care provider's user id at the identity provider
 */
public record Referral(
        UUID id,
        String referrerId,
        Status status,
        Person person,
        String postcode,
        List<String> themeCodes,
        String question,
        Consent consent,
        Instant submittedAt,
        int version) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(consent, "consent");
        themeCodes = List.copyOf(themeCodes);
        if (themeCodes.isEmpty()) {
            throw new IllegalArgumentException("a referral is about at least one theme");
        }
    }

    /** States of the closed loop, after the FHIR Task pattern. */
    public enum Status { SUBMITTED }

    /** The person referred. Never a user of the platform; their data is special-category. */
    public record Person(String name, String phone, String email, String preferredLanguage) {
        public Person {
            if (phone == null && email == null) {
                throw new IllegalArgumentException("a person is reachable by phone or e-mail");
            }
        }
    }

    /** How and when the person agreed to be referred. */
    public record Consent(Method method, Instant givenAt) {
        public enum Method { ORAL, WRITTEN, DIGITAL }
    }

    public static Referral submit(String referrerId, Person person, String postcode, List<String> themeCodes,
            String question, Consent consent, Instant now) {
        return new Referral(UUID.randomUUID(), referrerId, Status.SUBMITTED, person, postcode, themeCodes,
                question, consent, now, 0);
    }

    public boolean isVisibleTo(String userId) {
        return referrerId.equals(userId);
    }
}

package be.bruzel.referralservice.duplicates;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who a person is, as keys that match the same person written another way and reveal nothing without the secret:
 * HMAC-SHA-256 of the normalised name with the normalised phone, and with the normalised e-mail. "PEETERS, Marié" with
 * "+32 470 12 34 56" gives the key of "Marie Peeters" with "0470/12.34.56". A plain hash of so few possible values
 * could be reversed by trying them all; the secret is what prevents that.
 */
@Component
public class PersonKeys {

    private static final String ALGORITHM = "HmacSHA256";
    static final int SHORTEST_SECRET = 32;

    // Compiled once: String.replaceAll and split compile their pattern on every call, which the profile of a
    // submission showed as half of the time spent on these keys.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_A_DIGIT = Pattern.compile("[^0-9]");

    /** Initialised with the secret once and copied for each key: looking up and initialising a Mac is the other half. */
    private final Mac initialised;

    PersonKeys(@Value("${platform.referrals.person-key}") String secret) {
        if (secret == null || secret.length() < SHORTEST_SECRET) {
            throw new IllegalStateException("platform.referrals.person-key (REFERRAL_PERSON_KEY) needs at least "
                    + SHORTEST_SECRET + " characters");
        }
        try {
            this.initialised = Mac.getInstance(ALGORITHM);
            initialised.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            initialised.clone();
        } catch (NoSuchAlgorithmException | InvalidKeyException | CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One key per way to reach the person (phone, e-mail); none when there is no name. */
    public List<byte[]> of(String name, String phone, String email) {
        List<byte[]> keys = new ArrayList<>(2);
        String normalisedName = name == null ? "" : normalisedName(name);
        if (normalisedName.isEmpty()) {
            return keys;
        }
        String normalisedPhone = phone == null ? "" : normalisedPhone(phone);
        if (!normalisedPhone.isEmpty()) {
            keys.add(mac("phone\n" + normalisedName + "\n" + normalisedPhone));
        }
        if (email != null && !email.isBlank()) {
            keys.add(mac("email\n" + normalisedName + "\n" + email.strip().toLowerCase(Locale.ROOT)));
        }
        return keys;
    }

    /** Without accents, case or punctuation, its words in order: "De Smet, Jan" and "jan de smet" are one name. */
    static String normalisedName(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(BETWEEN_WORDS.split(plain))
                .filter(word -> !word.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    /**
     * Digits only, a Belgian number in its national form: "+32 470 12 34 56", "+32 (0)470 12 34 56" and "0470/12.34.56"
     * are one number.
     */
    public static String normalisedPhone(String phone) {
        String digits = NOT_A_DIGIT.matcher(phone).replaceAll("");
        if (phone.strip().startsWith("+")) {
            digits = "00" + digits;
        }
        if (!digits.startsWith("0032")) {
            return digits;
        }
        // "+32 (0)470 ..." keeps the trunk zero that the country code replaces.
        String national = digits.substring(4);
        return national.startsWith("0") ? national : "0" + national;
    }

    private byte[] mac(String text) {
        try {
            // A copy per key, as a Mac is not safe to share between threads; the constructor proved it copies.
            return ((Mac) initialised.clone()).doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

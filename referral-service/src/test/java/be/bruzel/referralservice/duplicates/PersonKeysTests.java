package be.bruzel.referralservice.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonKeysTests {

    private static final String SECRET = "a-secret-of-the-tests-0123456789abcdef";

    private final PersonKeys keys = new PersonKeys(SECRET);

    @Test
    void aKeyIsTheHmacOfTheNormalisedNameWithThePhoneOrTheEmail() throws Exception {
        // Keys already stored must keep matching: the text under the HMAC does not change.
        assertThat(hex(keys.of("PEETERS, Marié", "+32 470 12 34 56", " Marie@Example.org ")))
                .containsExactly(
                        hmac("phone\nmarie peeters\n0470123456"), hmac("email\nmarie peeters\nmarie@example.org"));
    }

    @Test
    void keysMadeOnManyThreadsAtOnceAreTheKeysMadeOneByOne() throws Exception {
        List<String> expected = hex(keys.of("Marie Peeters", "0470 12 34 56", "marie@example.org"));
        Callable<List<String>> make = () -> hex(keys.of("Marie Peeters", "0470 12 34 56", "marie@example.org"));

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<List<String>>> made = threads.invokeAll(
                    IntStream.range(0, 2_000).mapToObj(i -> make).toList());
            for (Future<List<String>> keysOfOneCall : made) {
                assertThat(keysOfOneCall.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theSamePersonWrittenAnotherWayHasTheSameKeys() {
        assertThat(hex(keys.of("PEETERS, Marié", "+32 470 12 34 56", " Marie@Example.org ")))
                .isEqualTo(hex(keys.of("Marie Peeters", "0470/12.34.56", "marie@example.org")))
                .hasSize(2);
        assertThat(hex(keys.of("Jan De Smet", "0032 2 123 45 67", null)))
                .isEqualTo(hex(keys.of("de smet jan", "02 123 45 67", null)))
                .hasSize(1);
    }

    @Test
    void anotherNameOrAnotherWayToReachThemIsAnotherPerson() {
        List<String> marie = hex(keys.of("Marie Peeters", "0470 12 34 56", "marie@example.org"));

        assertThat(hex(keys.of("Maria Peeters", "0470 12 34 56", "marie@example.org")))
                .doesNotContainAnyElementsOf(marie);
        assertThat(hex(keys.of("Marie Peeters", "0470 12 34 57", "other@example.org")))
                .doesNotContainAnyElementsOf(marie);
        // The same name and e-mail, another phone: still one key in common.
        assertThat(hex(keys.of("Marie Peeters", "0470 99 99 99", "marie@example.org")))
                .containsAnyElementsOf(marie);
    }

    @Test
    void theKeysRevealNothingWithoutTheSecret() {
        PersonKeys otherSecret = new PersonKeys("another-secret-of-the-tests-0123456789");

        assertThat(hex(otherSecret.of("Marie Peeters", "0470 12 34 56", null)))
                .doesNotContainAnyElementsOf(hex(keys.of("Marie Peeters", "0470 12 34 56", null)));
        assertThat(String.join("", hex(keys.of("Marie Peeters", "0470 12 34 56", null))))
                .doesNotContain(HexFormat.of().formatHex("Peeters".getBytes()))
                .hasSize(64);
    }

    @Test
    void aNameOfNoLettersGivesNoKey() {
        assertThat(keys.of(" - ", "0470 12 34 56", "x@example.org")).isEmpty();
        assertThat(keys.of(null, "0470 12 34 56", null)).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new PersonKeys("short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFERRAL_PERSON_KEY");
    }

    @Test
    void namesAndPhonesAreNormalisedAsPeopleWriteThem() {
        assertThat(PersonKeys.normalisedName("  Ğül  ÖZTÜRK-Yilmaz ")).isEqualTo("gul ozturk yilmaz");
        assertThat(PersonKeys.normalisedPhone("+32 (0)470 12.34.56")).isEqualTo("0470123456");
        assertThat(PersonKeys.normalisedPhone("+32 470 12 34 56")).isEqualTo("0470123456");
        assertThat(PersonKeys.normalisedPhone("+33 6 12 34 56 78")).isEqualTo("0033612345678");
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> hex(List<byte[]> keys) {
        return keys.stream().map(HexFormat.of()::formatHex).toList();
    }
}

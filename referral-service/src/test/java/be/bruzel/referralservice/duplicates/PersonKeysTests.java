package be.bruzel.referralservice.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonKeysTests {

    private final PersonKeys keys = new PersonKeys("a-secret-of-the-tests-0123456789abcdef");

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

    private static List<String> hex(List<byte[]> keys) {
        return keys.stream().map(HexFormat.of()::formatHex).toList();
    }
}

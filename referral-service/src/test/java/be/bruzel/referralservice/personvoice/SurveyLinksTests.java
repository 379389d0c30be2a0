package be.bruzel.referralservice.personvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyLinksTests {

    private final SurveyLinks links = new SurveyLinks(settings("a-signing-key-of-at-least-32-characters"));
    private final SurveyLinks.Link link =
            new SurveyLinks.Link(UUID.randomUUID(), Instant.parse("2026-04-01T09:00:00Z"));

    @Test
    void aLinkReadsBackAsTheLinkItWasMadeFromAndFitsAnSms() {
        String token = links.token(link);

        assertThat(links.read(token)).contains(link);
        assertThat(token).hasSize(48).matches("[A-Za-z0-9_-]+");
        assertThat(links.linkTo(link)).isEqualTo("https://referral.example/p#" + token);
    }

    @Test
    void aTokenWithOneCharacterChangedIsNotOne() {
        String token = links.token(link);
        char changed = token.charAt(10) == 'A' ? 'B' : 'A';

        assertThat(links.read(token.substring(0, 10) + changed + token.substring(11)))
                .isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsNotOne() {
        SurveyLinks elsewhere = new SurveyLinks(settings("another-signing-key-of-32-characters-or-more"));

        assertThat(links.read(elsewhere.token(link))).isEmpty();
    }

    @Test
    void whateverElseIsGivenIsNotOne() {
        assertThat(links.read(null)).isEmpty();
        assertThat(links.read("")).isEmpty();
        assertThat(links.read("x".repeat(48))).isEmpty();
        assertThat(links.read("!".repeat(48))).isEmpty();
        assertThat(links.read(links.token(link) + "A")).isEmpty();
    }

    private static PersonVoiceSettings settings(String key) {
        return new PersonVoiceSettings(
                key,
                URI.create("https://referral.example/"),
                Duration.ofDays(14),
                Duration.ofDays(30),
                5,
                Duration.ofMinutes(10),
                "noreply@bruzel.example",
                null);
    }
}

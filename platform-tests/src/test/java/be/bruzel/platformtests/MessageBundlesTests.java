package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle of every module (problems, validation, e-mails, the sign-in page) says the same
 * things in English, Dutch and French, and none of its texts is empty. The web application's texts are
 * checked likewise by its own unit test (gateway/src/test/js).
 */
class MessageBundlesTests {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final List<String> TRANSLATIONS = List.of("nl", "fr");

    /** The English bundle of each base name, e.g. referral-service/src/main/resources/messages.properties. */
    static Stream<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 5)) {
            return files
                    .filter(file -> file.toString().contains("/src/main/resources/"))
                    .filter(file -> file.getFileName().toString().endsWith(".properties"))
                    .filter(file -> !file.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
                    .filter(file ->
                            TRANSLATIONS.stream().allMatch(language -> Files.exists(translation(file, language))))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyTextIsThereInDutchAndFrenchAndNoneIsEmpty(Path english) throws IOException {
        Map<String, String> texts = load(english);
        assertThat(texts).as(ROOT.relativize(english).toString()).isNotEmpty();
        assertThat(texts)
                .as("empty texts in " + english.getFileName())
                .allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        for (String language : TRANSLATIONS) {
            Map<String, String> translated = load(translation(english, language));
            assertThat(translated.keySet())
                    .as(language + " of " + ROOT.relativize(english))
                    .containsExactlyInAnyOrderElementsOf(texts.keySet());
            assertThat(translated)
                    .as("empty " + language + " texts")
                    .allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        }
    }

    @Test
    void theBundlesOfEveryServiceAreFound() throws IOException {
        assertThat(bundles().map(bundle -> ROOT.relativize(bundle).toString()))
                .contains(
                        "referral-service/src/main/resources/messages.properties",
                        "statistics-service/src/main/resources/messages.properties",
                        "notification-service/src/main/resources/messages.properties",
                        "gateway/src/main/resources/gateway-problems.properties",
                        "identity-provider/src/main/resources/sign-in.properties",
                        "service-support/src/main/resources/platform-problems.properties")
                .hasSizeGreaterThanOrEqualTo(9);
    }

    private static Path translation(Path english, String language) {
        String name = english.getFileName().toString();
        return english.resolveSibling(name.replace(".properties", "_" + language + ".properties"));
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return texts;
    }
}

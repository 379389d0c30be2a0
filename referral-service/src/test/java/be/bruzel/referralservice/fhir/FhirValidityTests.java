package be.bruzel.referralservice.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.directorycopy.Directory;
import org.junit.jupiter.api.Test;

/** The validator the FHIR tests rely on does find what is wrong. */
class FhirValidityTests {

    @Test
    void aCodeSystemWithoutItsRequiredElementsHasErrors() {
        assertThat(FhirValidity.errorsIn("{\"resourceType\": \"CodeSystem\", \"id\": \"themes\"}"))
                .anySatisfy(error -> assertThat(error).contains("CodeSystem.status"))
                .anySatisfy(error -> assertThat(error).contains("CodeSystem.content"));
    }

    @Test
    void theThemesCodeSystemAsTheApiMakesItHasNone() {
        String json = ca.uhn.fhir.context.FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(ThemeCodeSystem.codeSystem(java.util.List.of(
                        new Directory.Theme("finances", "Schulden", "Dettes", "Debts", true),
                        new Directory.Theme("old", "Oud", "Ancien", null, false))));

        assertThat(FhirValidity.errorsIn(json)).isEmpty();
    }
}

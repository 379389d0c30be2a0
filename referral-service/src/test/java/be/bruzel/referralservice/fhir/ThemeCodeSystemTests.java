package be.bruzel.referralservice.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.fhir.FhirValidity;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeCodeSystemTests {

    @Test
    void theThemesCodeSystemAsTheApiMakesItIsValid() {
        String json = FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(ThemeCodeSystem.codeSystem(List.of(
                        new Directory.Theme("finances", "Schulden", "Dettes", "Debts", true),
                        new Directory.Theme("old", "Oud", "Ancien", null, false))));

        assertThat(FhirValidity.errorsIn(json)).isEmpty();
    }
}

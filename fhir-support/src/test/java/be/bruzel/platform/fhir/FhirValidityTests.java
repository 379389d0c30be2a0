package be.bruzel.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator the FHIR tests rely on does find what is wrong, and passes what is right. */
class FhirValidityTests {

    @Test
    void aCodeSystemWithoutItsRequiredElementsHasErrors() {
        assertThat(FhirValidity.errorsIn("{\"resourceType\": \"CodeSystem\", \"id\": \"themes\"}"))
                .anySatisfy(error -> assertThat(error).contains("CodeSystem.status"))
                .anySatisfy(error -> assertThat(error).contains("CodeSystem.content"));
    }

    @Test
    void aCompleteTaskHasNone() {
        assertThat(FhirValidity.errorsIn("""
                        {"resourceType": "Task", "id": "1", "status": "requested", "intent": "order"}
                        """)).isEmpty();
    }
}

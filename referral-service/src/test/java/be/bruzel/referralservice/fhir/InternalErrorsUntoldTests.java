package be.bruzel.referralservice.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

class InternalErrorsUntoldTests {

    private final InternalErrorsUntold interceptor = new InternalErrorsUntold();

    @Test
    void theServersOwnFailureIsA500ThatNamesNothingOfIt() {
        BaseServerResponseException answered =
                interceptor.untold(new IllegalStateException("bad SQL grammar [SELECT name_nl FROM directory_theme]"));

        assertThat(answered.getStatusCode()).isEqualTo(500);
        assertThat(answered.getMessage()).doesNotContain("SQL", "directory_theme");
    }

    @Test
    void whatTheCallerGotWrongIsToldAsItIs() {
        ResourceNotFoundException notFound = new ResourceNotFoundException("Resource CodeSystem/x is not known");

        assertThat(interceptor.untold(notFound)).isSameAs(notFound);
    }
}

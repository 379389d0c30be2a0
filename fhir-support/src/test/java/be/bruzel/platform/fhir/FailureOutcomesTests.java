package be.bruzel.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.support.problem.ProblemMessages;
import be.bruzel.platform.support.problem.RejectedRequestException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;

class FailureOutcomesTests {

    private final FailureOutcomes interceptor = new FailureOutcomes(new ProblemMessages(messages()));

    @Test
    void theServersOwnFailureIsA500ThatNamesNothingOfIt() {
        BaseServerResponseException answered = interceptor.outcome(
                null, new IllegalStateException("bad SQL grammar [SELECT name_nl FROM directory_theme]"));

        assertThat(answered.getStatusCode()).isEqualTo(500);
        assertThat(answered.getMessage()).doesNotContain("SQL", "directory_theme");
    }

    @Test
    void whatTheCallerGotWrongIsToldAsItIs() {
        ResourceNotFoundException notFound = new ResourceNotFoundException("Resource CodeSystem/x is not known");

        assertThat(interceptor.outcome(null, notFound)).isSameAs(notFound);
    }

    @Test
    void whatThePlatformRefusesKeepsItsStatusWordsAndElement() {
        BaseServerResponseException answered = interceptor.outcome(
                null,
                new RejectedRequestException(
                        HttpStatus.CONFLICT, "referral.transition.illegal", "Task.status", "completed"));

        assertThat(answered.getStatusCode()).isEqualTo(409);
        assertThat(answered.getMessage()).isEqualTo("Not while completed");
        OperationOutcome outcome = (OperationOutcome) answered.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
        assertThat(outcome.getIssueFirstRep().getExpression().getFirst().getValue())
                .isEqualTo("Task.status");
    }

    private static StaticMessageSource messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("referral.transition.illegal", java.util.Locale.ENGLISH, "Not while {0}");
        return source;
    }
}

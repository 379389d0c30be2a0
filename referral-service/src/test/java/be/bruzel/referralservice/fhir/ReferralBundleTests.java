package be.bruzel.referralservice.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.SubmitReferral;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class ReferralBundleTests {

    private static final Caller GP = new Caller(
            "gp.jette",
            "Dr. An Janssens",
            Set.of(Role.REFERRER),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    @Test
    void aBundleIsReadIntoTheSubmissionTheRestApiTakes() {
        Bundle bundle = FhirReferralIT.bundle("1050", "finances", "loneliness");
        patientOf(bundle).getAddressFirstRep().addExtension(Systems.MUNICIPALITY, new CodeType("21009"));
        patientOf(bundle).setBirthDateElement(new DateType("1948-05-17"));

        ReferralBundle read = ReferralBundle.read(bundle, GP);

        SubmitReferral submission = read.submission();
        assertThat(submission.person())
                .isEqualTo(new SubmitReferral.PersonDetails(
                        "Marie Peeters", "0470 12 34 56", "marie@example.org", "nl", "1050", "21009", 1948, null));
        assertThat(submission.themes()).containsExactly("finances", "loneliness");
        assertThat(submission.question()).isEqualTo("Mevrouw is sinds de dood van haar man veel alleen.");
        assertThat(submission.urgency()).isEqualTo(Referral.Urgency.SOON);
        assertThat(submission.consent())
                .isEqualTo(new SubmitReferral.ConsentDetails(
                        true, Referral.Consent.Method.ORAL, Instant.parse("2026-01-05T10:00:00Z")));
        assertThat(submission.choices()).isNull();
        assertThat(read.ifNoneExist()).isEmpty();
    }

    @Test
    void asapAndStatAreUrgentAndRoutineIsRoutine() {
        assertThat(urgencyOf(ServiceRequest.ServiceRequestPriority.ROUTINE)).isEqualTo(Referral.Urgency.ROUTINE);
        assertThat(urgencyOf(ServiceRequest.ServiceRequestPriority.ASAP)).isEqualTo(Referral.Urgency.URGENT);
        assertThat(urgencyOf(ServiceRequest.ServiceRequestPriority.STAT)).isEqualTo(Referral.Urgency.URGENT);
    }

    @Test
    void anotherPractitionerAsRequesterIsRefused() {
        Bundle bundle = FhirReferralIT.bundle("1090", "finances");
        requestOf(bundle).setRequester(new Reference("Practitioner/gp.schaerbeek"));

        assertThat(refusedAt(bundle)).isEqualTo("ServiceRequest.requester");
    }

    @Test
    void aTaskThatFulfilsAnotherRequestOrAnUpdateInsteadOfACreateIsRefused() {
        Bundle otherFocus = FhirReferralIT.bundle("1090", "finances");
        ((Task) otherFocus.getEntry().get(3).getResource()).setFocus(new Reference("ServiceRequest/elsewhere"));
        Bundle put = FhirReferralIT.bundle("1090", "finances");
        put.getEntry().getFirst().getRequest().setMethod(Bundle.HTTPVerb.PUT);
        Bundle withoutConsent = FhirReferralIT.bundle("1090", "finances");
        requestOf(withoutConsent).setSupportingInfo(List.of());

        assertThat(refusedAt(otherFocus)).isEqualTo("Task.focus");
        assertThat(refusedAt(put)).isEqualTo("Bundle.entry.request.method");
        assertThat(refusedAt(withoutConsent)).isEqualTo("ServiceRequest.supportingInfo");
    }

    @Test
    void aSubmissionsFieldIsNamedByItsElementInTheBundle() {
        assertThat(ReferralBundle.expressionOf("person.postcode")).isEqualTo("Patient.address.postalCode");
        assertThat(ReferralBundle.expressionOf("themes[2]")).isEqualTo("ServiceRequest.category");
        assertThat(ReferralBundle.expressionOf("consent.given")).isEqualTo("Consent.provision.type");
        assertThat(ReferralBundle.expressionOf(null)).isNull();
    }

    @Test
    void everyStateOfAReferralIsATaskStatusAndBack() {
        assertThat(Arrays.stream(Referral.Status.values())
                        .map(ReferralResources::statusOf)
                        .map(Task.TaskStatus::toCode))
                .containsExactly(
                        "requested",
                        "received",
                        "accepted",
                        "rejected",
                        "in-progress",
                        "completed",
                        "cancelled",
                        "failed");
        for (Referral.Status status : Referral.Status.values()) {
            assertThat(ReferralResources.statusFor(
                            ReferralResources.statusOf(status).toCode()))
                    .contains(status);
        }
        assertThat(ReferralResources.statusFor("draft")).isEmpty();
    }

    private static Referral.Urgency urgencyOf(ServiceRequest.ServiceRequestPriority priority) {
        Bundle bundle = FhirReferralIT.bundle("1090", "finances");
        requestOf(bundle).setPriority(priority);
        return ReferralBundle.read(bundle, GP).submission().urgency();
    }

    private static String refusedAt(Bundle bundle) {
        return assertThatThrownBy(() -> ReferralBundle.read(bundle, GP))
                .isInstanceOf(UnprocessableEntityException.class)
                .extracting(
                        refusal -> ((OperationOutcome) ((UnprocessableEntityException) refusal).getOperationOutcome())
                                .getIssueFirstRep()
                                .getExpression()
                                .getFirst()
                                .getValue())
                .actual()
                .toString();
    }

    private static Patient patientOf(Bundle bundle) {
        return (Patient) bundle.getEntry().getFirst().getResource();
    }

    private static ServiceRequest requestOf(Bundle bundle) {
        return (ServiceRequest) bundle.getEntry().get(1).getResource();
    }
}

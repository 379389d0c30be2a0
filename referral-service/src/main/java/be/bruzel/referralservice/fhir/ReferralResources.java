package be.bruzel.referralservice.fhir;

import be.bruzel.referralservice.feedback.FeedbackMessage;
import be.bruzel.referralservice.referral.FollowUp;
import be.bruzel.referralservice.referral.Referral;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The platform's referrals as FHIR resources, after the SDOH Clinical Care IG: the referrer's ServiceRequest, the
 * Patient and the Consent of a submission share the submission's id; each referral (one per receiving
 * organisation) is a Task that fulfils the ServiceRequest, owned by that organisation; the feedback thread is
 * Communication, part of the Task.
 */
final class ReferralResources {

    private static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

    private ReferralResources() {}

    static Task task(FollowUp followUp) {
        Referral referral = followUp.referral();
        Task task = new Task();
        task.setId(referral.id().toString());
        task.getMeta()
                .setVersionId(String.valueOf(referral.version()))
                .setLastUpdated(Date.from(followUp.lastUpdated()));
        task.setStatus(statusOf(referral.status()));
        if (referral.status() == Referral.Status.DECLINED) {
            followUp.declineReason()
                    .ifPresent(reason -> task.setStatusReason(concept(Systems.DECLINE_REASON, code(reason))));
        } else if (referral.status() == Referral.Status.EXPIRED) {
            task.setStatusReason(concept(Systems.REFERRAL_STATE, "expired"));
        }
        if (referral.isErased()) {
            task.setBusinessStatus(concept(Systems.REFERRAL_STATE, "erased"));
        } else if (referral.receiver().unmetNeed()) {
            task.setBusinessStatus(concept(Systems.REFERRAL_STATE, "unmet-need"));
        }
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(
                Task.TaskPriority.fromCode(priorityOf(referral.urgency()).toCode()));
        task.setCode(concept(TASK_CODES, "fulfill"));
        task.setFocus(new Reference("ServiceRequest/" + referral.submissionId()));
        task.setFor(new Reference("Patient/" + referral.submissionId()));
        task.setAuthoredOn(Date.from(referral.times().submittedAt()));
        task.setLastModified(Date.from(followUp.lastUpdated()));
        task.setRequester(requester(referral));
        task.setOwner(new Reference()
                .setIdentifier(new Identifier()
                        .setSystem(Systems.ORGANISATION)
                        .setValue(referral.receiver().organisationId())));
        Referral.Times times = referral.times();
        if (times.acceptedAt() != null) {
            task.getExecutionPeriod().setStart(Date.from(times.acceptedAt()));
            if (times.closedAt() != null) {
                task.getExecutionPeriod().setEnd(Date.from(times.closedAt()));
            }
        }
        if (referral.outcome() != null) {
            task.addOutput()
                    .setType(new CodeableConcept().setText("outcome"))
                    .setValue(concept(Systems.OUTCOME, code(referral.outcome().name())));
        }
        return task;
    }

    /** The referrer's request: all themes of the submission, whichever organisations received them. */
    static ServiceRequest serviceRequest(List<Referral> submission) {
        Referral first = submission.getFirst();
        ServiceRequest request = new ServiceRequest();
        request.setId(first.submissionId().toString());
        request.setStatus(requestStatusOf(submission));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        Set<String> themes = new LinkedHashSet<>();
        submission.forEach(referral -> themes.addAll(referral.themeCodes()));
        themes.forEach(theme -> request.addCategory(concept(Systems.THEMES, theme)));
        request.setPriority(priorityOf(first.urgency()));
        request.setSubject(new Reference("Patient/" + first.submissionId()));
        request.setAuthoredOn(Date.from(first.times().submittedAt()));
        request.setRequester(requester(first));
        if (!first.isErased()) {
            request.addNote().setText(first.question());
        }
        request.addSupportingInfo(new Reference("Consent/" + first.submissionId()));
        return request;
    }

    /** The person referred; once their data is erased, gone. */
    static Patient patient(Referral referral) {
        if (referral.isErased()) {
            throw new ResourceGoneException(
                    new IdType("Patient", referral.submissionId().toString()));
        }
        Referral.Person person = referral.person();
        Patient patient = new Patient();
        patient.setId(referral.submissionId().toString());
        patient.addName().setText(person.name());
        if (person.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(person.phone());
        }
        if (person.email() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(person.email());
        }
        if (person.facts().yearOfBirth() != null) {
            patient.setBirthDateElement(
                    new DateType(String.valueOf(person.facts().yearOfBirth())));
        }
        patient.addCommunication()
                .setLanguage(concept(Systems.LANGUAGE, person.preferredLanguage()))
                .setPreferred(true);
        patient.addAddress()
                .setPostalCode(referral.residence().postcode())
                .setCountry("BE")
                .addExtension(
                        Systems.MUNICIPALITY, new CodeType(referral.residence().municipalityNis()));
        return patient;
    }

    /** The person's agreement to be referred and to have these details shared with the receiving organisation. */
    static Consent consent(Referral referral) {
        Consent consent = new Consent();
        consent.setId(referral.submissionId().toString());
        consent.setStatus(referral.isErased() ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
        consent.setScope(concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
        consent.addCategory(concept("http://loinc.org", "59284-0"));
        consent.addCategory(concept(
                Systems.CONSENT_METHOD, referral.consent().method().name().toLowerCase(Locale.ROOT)));
        consent.setPatient(new Reference("Patient/" + referral.submissionId()));
        consent.setDateTime(Date.from(referral.consent().givenAt()));
        consent.setPolicyRule(concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"));
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        return consent;
    }

    /** A message of the feedback thread; once the person's data is erased, who wrote when, not what. */
    static Communication communication(UUID referralId, FeedbackMessage message) {
        Communication communication = new Communication();
        communication.setId(message.id().toString());
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.addPartOf(new Reference("Task/" + referralId));
        communication.setSent(Date.from(message.postedAt()));
        communication.setSender(new Reference()
                .setIdentifier(new Identifier().setSystem(Systems.USER).setValue(message.authorId()))
                .setDisplay(message.authorName()));
        if (message.body() != null) {
            communication.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(message.body()));
        }
        return communication;
    }

    static Task.TaskStatus statusOf(Referral.Status status) {
        return switch (status) {
            case SUBMITTED -> Task.TaskStatus.REQUESTED;
            case RECEIVED -> Task.TaskStatus.RECEIVED;
            case ACCEPTED -> Task.TaskStatus.ACCEPTED;
            case DECLINED -> Task.TaskStatus.REJECTED;
            case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
            case COMPLETED -> Task.TaskStatus.COMPLETED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
            case EXPIRED -> Task.TaskStatus.FAILED;
        };
    }

    /** The platform's states a Task status stands for; none for a status no referral takes (draft, on-hold...). */
    static Optional<Referral.Status> statusFor(String taskStatus) {
        for (Referral.Status status : Referral.Status.values()) {
            if (statusOf(status).toCode().equals(taskStatus)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static ServiceRequest.ServiceRequestStatus requestStatusOf(List<Referral> submission) {
        if (submission.stream().anyMatch(referral -> !referral.status().isFinal())) {
            return ServiceRequest.ServiceRequestStatus.ACTIVE;
        }
        return submission.stream().anyMatch(referral -> referral.status() == Referral.Status.COMPLETED)
                ? ServiceRequest.ServiceRequestStatus.COMPLETED
                : ServiceRequest.ServiceRequestStatus.REVOKED;
    }

    private static ServiceRequest.ServiceRequestPriority priorityOf(Referral.Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequest.ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.ASAP;
        };
    }

    private static Reference requester(Referral referral) {
        return new Reference("Practitioner/" + referral.referrer().userId())
                .setIdentifier(new Identifier()
                        .setSystem(Systems.USER)
                        .setValue(referral.referrer().userId()))
                .setDisplay(referral.referrer().name());
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    private static String code(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

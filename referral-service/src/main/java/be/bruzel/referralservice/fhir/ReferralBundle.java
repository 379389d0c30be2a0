package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FailureOutcomes;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.SubmitReferral;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * A referral as GP software sends it: a transaction Bundle of a Patient, a ServiceRequest on the platform's
 * themes, the Consent it rests on and a Task to fulfil it (the SDOH Clinical Care IG's closed loop), read into
 * the submission the REST API takes. What cannot be read is refused with the FHIRPath of the element at fault.
 *
 * @param ifNoneExist the conditional create of an entry, which makes a retry safe as an Idempotency-Key does
 */
record ReferralBundle(
        SubmitReferral submission, List<Bundle.BundleEntryComponent> entries, Optional<String> ifNoneExist) {

    /** Where each field of a submission is in the Bundle, for the problems the platform finds in them. */
    private static final Map<String, String> EXPRESSIONS = Map.ofEntries(
            Map.entry("person.name", "Patient.name"),
            Map.entry("person.phone", "Patient.telecom"),
            Map.entry("person.email", "Patient.telecom"),
            Map.entry("person.contact", "Patient.telecom"),
            Map.entry("person.preferredLanguage", "Patient.communication"),
            Map.entry("person.postcode", "Patient.address.postalCode"),
            Map.entry("person.municipality", "Patient.address.extension('" + Systems.MUNICIPALITY + "')"),
            Map.entry("themes", "ServiceRequest.category"),
            Map.entry("question", "ServiceRequest.note"),
            Map.entry("urgency", "ServiceRequest.priority"),
            Map.entry("consent", "Consent"),
            Map.entry("consent.given", "Consent.provision.type"),
            Map.entry("consent.method", "Consent.category"),
            Map.entry("consent.givenAt", "Consent.dateTime"));

    static ReferralBundle read(Bundle bundle, Caller referrer) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw FailureOutcomes.invalid("Bundle.type", "A referral is a Bundle of type transaction");
        }
        Patient patient = one(bundle, Patient.class);
        ServiceRequest request = one(bundle, ServiceRequest.class);
        Consent consent = one(bundle, Consent.class);
        Task task = one(bundle, Task.class);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                throw FailureOutcomes.invalid(
                        "Bundle.entry.request.method", "Each resource of a referral is created: POST");
            }
        }
        requireReference(request.getSubject(), fullUrl(bundle, patient), "ServiceRequest.subject");
        requireReference(task.getFocus(), fullUrl(bundle, request), "Task.focus");
        if (task.getCode().getCoding().stream().noneMatch(code -> "fulfill".equals(code.getCode()))) {
            throw FailureOutcomes.invalid("Task.code", "The Task asks to fulfill the ServiceRequest: code fulfill");
        }
        if (task.getIntent() != Task.TaskIntent.ORDER
                || request.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER) {
            throw FailureOutcomes.invalid(
                    "Task.intent", "A referral is an order: intent order on the ServiceRequest and the Task");
        }
        if (request.hasRequester() && !isThe(referrer, request.getRequester())) {
            throw FailureOutcomes.invalid("ServiceRequest.requester", "The requester is the signed-in referrer");
        }
        if (request.getSupportingInfo().stream()
                .noneMatch(info -> Objects.equals(info.getReference(), fullUrl(bundle, consent)))) {
            throw FailureOutcomes.invalid(
                    "ServiceRequest.supportingInfo",
                    "The ServiceRequest rests on the Consent: name it in supportingInfo");
        }
        SubmitReferral submission = new SubmitReferral(
                person(patient),
                themes(request),
                request.getNote().isEmpty() ? null : request.getNoteFirstRep().getText(),
                urgency(request),
                null,
                consent(consent),
                null,
                null,
                // A transaction has no way to ask the referrer and come back: FHIR refers all the same.
                SubmitReferral.OnOpenReferral.PROCEED);
        Optional<String> ifNoneExist = bundle.getEntry().stream()
                .map(entry -> entry.getRequest().getIfNoneExist())
                .filter(Objects::nonNull)
                .filter(condition -> !condition.isBlank())
                .findFirst();
        return new ReferralBundle(submission, bundle.getEntry(), ifNoneExist);
    }

    /** The Bundle's element where a submission's field is, e.g. {@code Patient.address.postalCode}. */
    static String expressionOf(String field) {
        if (field == null) {
            return null;
        }
        String withoutIndex = field.replaceAll("\\[\\d+]", "");
        return EXPRESSIONS.getOrDefault(withoutIndex, field);
    }

    private static <T extends Resource> T one(Bundle bundle, Class<T> type) {
        List<T> found = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        if (found.size() != 1) {
            throw FailureOutcomes.invalid(
                    "Bundle.entry",
                    "A referral has exactly one " + type.getSimpleName() + "; this has " + found.size());
        }
        return found.getFirst();
    }

    private static String fullUrl(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream()
                .filter(entry -> entry.getResource() == resource)
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .findFirst()
                .orElse(null);
    }

    private static void requireReference(Reference reference, String fullUrl, String expression) {
        if (fullUrl == null || !fullUrl.equals(reference.getReference())) {
            throw FailureOutcomes.invalid(expression, expression + " names the entry of the Bundle by its fullUrl");
        }
    }

    private static boolean isThe(Caller referrer, Reference requester) {
        return ("Practitioner/" + referrer.userId()).equals(requester.getReference())
                || (requester.hasIdentifier()
                        && Systems.USER.equals(requester.getIdentifier().getSystem())
                        && referrer.userId().equals(requester.getIdentifier().getValue()));
    }

    private static SubmitReferral.PersonDetails person(Patient patient) {
        String name = patient.getName().stream()
                .map(ReferralBundle::nameOf)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE);
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL);
        String language = patient.getCommunication().stream()
                .sorted((one, other) -> Boolean.compare(other.getPreferred(), one.getPreferred()))
                .flatMap(communication -> communication.getLanguage().getCoding().stream())
                .map(Coding::getCode)
                .filter(Objects::nonNull)
                .map(tag -> tag.split("-")[0].toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse(null);
        String postcode = patient.getAddress().isEmpty()
                ? null
                : patient.getAddressFirstRep().getPostalCode();
        String municipality = patient.getAddress().isEmpty()
                ? null
                : Optional.ofNullable(patient.getAddressFirstRep().getExtensionByUrl(Systems.MUNICIPALITY))
                        .map(Extension::getValue)
                        .map(value -> value.primitiveValue())
                        .orElse(null);
        // Only the year is kept: it is all routing needs to weigh who a service is for.
        Integer yearOfBirth =
                patient.hasBirthDate() ? patient.getBirthDateElement().getYear() : null;
        return new SubmitReferral.PersonDetails(
                name, phone, email, language, postcode, municipality, yearOfBirth, null);
    }

    private static String nameOf(HumanName name) {
        if (name.hasText()) {
            return name.getText();
        }
        String given = String.join(
                " ", name.getGiven().stream().map(StringType::getValue).toList());
        String whole = (given + " " + Objects.toString(name.getFamily(), "")).strip();
        return whole.isEmpty() ? null : whole;
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream()
                .filter(point -> point.getSystem() == system)
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The themes are codings of the platform's CodeSystem, in category or code. */
    private static List<String> themes(ServiceRequest request) {
        Set<String> themes = new LinkedHashSet<>();
        List<CodeableConcept> concepts = new ArrayList<>(request.getCategory());
        concepts.add(request.getCode());
        for (CodeableConcept concept : concepts) {
            for (Coding coding : concept.getCoding()) {
                if (Systems.THEMES.equals(coding.getSystem()) && coding.getCode() != null) {
                    themes.add(coding.getCode());
                }
            }
        }
        return List.copyOf(themes);
    }

    /** routine; urgent: soon; asap and stat: urgent. */
    private static Referral.Urgency urgency(ServiceRequest request) {
        if (!request.hasPriority()) {
            return null;
        }
        return switch (request.getPriority()) {
            case ROUTINE -> Referral.Urgency.ROUTINE;
            case URGENT -> Referral.Urgency.SOON;
            case ASAP, STAT -> Referral.Urgency.URGENT;
            default -> null;
        };
    }

    private static SubmitReferral.ConsentDetails consent(Consent consent) {
        Boolean given = consent.getStatus() == Consent.ConsentState.ACTIVE
                && consent.getProvision().getType() == Consent.ConsentProvisionType.PERMIT;
        Referral.Consent.Method method = consent.getCategory().stream()
                .flatMap(category -> category.getCoding().stream())
                .filter(coding -> Systems.CONSENT_METHOD.equals(coding.getSystem()))
                .map(coding -> methodOf(coding.getCode()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new SubmitReferral.ConsentDetails(
                given, method, consent.hasDateTime() ? consent.getDateTime().toInstant() : null);
    }

    private static Referral.Consent.Method methodOf(String code) {
        for (Referral.Consent.Method method : Referral.Consent.Method.values()) {
            if (method.name().equalsIgnoreCase(code)) {
                return method;
            }
        }
        return null;
    }
}

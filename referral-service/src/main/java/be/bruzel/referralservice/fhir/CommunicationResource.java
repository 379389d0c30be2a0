package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FailureOutcomes;
import be.bruzel.platform.fhir.FhirCaller;
import be.bruzel.platform.fhir.FhirIds;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.feedback.FeedbackMessage;
import be.bruzel.referralservice.feedback.FeedbackThread;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The feedback thread of a referral as Communication resources, part of its Task: read (one, or the thread oldest
 * first) and written
 * by its referrer (or its receiving organisation), each read logged, as in the REST API.
 */
@Component
class CommunicationResource implements IResourceProvider {

    static final int MAX_LENGTH = 4000;

    private final FeedbackThread thread;

    CommunicationResource(FeedbackThread thread) {
        this.thread = thread;
    }

    @Override
    public Class<Communication> getResourceType() {
        return Communication.class;
    }

    @Read
    public Communication read(@IdParam IdType id) {
        UUID messageId = FhirIds.uuidOf(id);
        return thread.message(FhirCaller.current(), messageId)
                .map(found -> ReferralResources.communication(found.getKey(), found.getValue()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Communication.SP_PART_OF) ReferenceParam partOf,
            @Offset Integer offset,
            @Count Integer count) {
        Caller caller = FhirCaller.current();
        UUID referralId = taskOf(partOf.getResourceType(), partOf.getIdPart());
        List<FeedbackMessage> messages =
                thread.readFrom(caller, referralId, TaskResource.offsetOf(offset), TaskResource.pageSize(count));
        SimpleBundleProvider found = new SimpleBundleProvider(messages.stream()
                .map(message -> ReferralResources.communication(referralId, message))
                .toList());
        found.setSize((int) thread.count(caller, referralId));
        return found;
    }

    @Create
    public MethodOutcome create(@ResourceParam Communication communication) {
        if (communication.getPartOf().size() != 1) {
            throw FailureOutcomes.invalid("Communication.partOf", "A message is part of one Task: its referral");
        }
        Reference task = communication.getPartOfFirstRep();
        IdType taskId = new IdType(task.getReference());
        UUID referralId = taskOf(taskId.getResourceType(), taskId.getIdPart());
        String text = communication.getPayload().size() == 1
                        && communication.getPayloadFirstRep().getContent()
                                instanceof org.hl7.fhir.r4.model.StringType content
                ? content.getValue()
                : null;
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw FailureOutcomes.invalid(
                    "Communication.payload",
                    "A message is one payload of text (contentString), 1 to " + MAX_LENGTH + " characters");
        }
        FeedbackMessage posted = thread.post(FhirCaller.current(), referralId, text);
        Communication created = ReferralResources.communication(referralId, posted);
        return new MethodOutcome(new IdType("Communication", created.getIdPart()), true).setResource(created);
    }

    private static UUID taskOf(String resourceType, String id) {
        if (resourceType != null && !"Task".equals(resourceType)) {
            throw FailureOutcomes.invalid("Communication.partOf", "A message is part of a Task");
        }
        return FhirIds.uuidOf(new IdType("Task", id));
    }
}

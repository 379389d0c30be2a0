package be.bruzel.notificationservice.subscription;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A notification as the Subscriptions R5 Backport IG writes it for R4, id-only: a history Bundle whose first entry
 * is the subscription's status (its backport-subscription-status-r4 parameters: which event, as numbered since the
 * subscription began) and whose second names the Task that changed, without it. The profile is not declared in
 * meta: the base R4 validator that checks every resource the platform sends could not resolve it.
 * The GP software reads the Task with its own token; nothing of the person travels.
 */
final class NotificationBundle {

    private NotificationBundle() {}

    static Bundle of(RestHook subscription, long eventNumber, UUID taskId, Instant occurredAt, String baseUrl) {
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.addParameter()
                .setName("subscription")
                .setValue(new Reference(baseUrl + "/Subscription/" + subscription.id()));
        status.addParameter().setName("status").setValue(new CodeType(code(subscription.status())));
        status.addParameter().setName("type").setValue(new CodeType("event-notification"));
        status.addParameter()
                .setName("events-since-subscription-start")
                .setValue(new StringType(String.valueOf(eventNumber)));
        Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
        event.addPart().setName("event-number").setValue(new StringType(String.valueOf(eventNumber)));
        event.addPart().setName("timestamp").setValue(new InstantType(Date.from(occurredAt)));
        event.addPart().setName("focus").setValue(new Reference(baseUrl + "/Task/" + taskId));

        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(Date.from(occurredAt));
        Bundle.BundleEntryComponent first =
                bundle.addEntry().setFullUrl("urn:uuid:" + status.getIdPart()).setResource(status);
        first.getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Subscription/" + subscription.id() + "/$status");
        first.getResponse().setStatus("200");
        Bundle.BundleEntryComponent focus = bundle.addEntry().setFullUrl(baseUrl + "/Task/" + taskId);
        focus.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Task/" + taskId);
        focus.getResponse().setStatus("200");
        return bundle;
    }

    static String code(RestHook.Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}

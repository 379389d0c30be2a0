package be.bruzel.referralservice.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The one resource type under the same base that notification-service serves, where who hears of what lives:
 * Subscription. The gateway sends {@code /fhir/R4/Subscription} there; the CapabilityStatement tells it with the rest.
 */
@Interceptor
final class SubscriptionCapability {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void withSubscriptions(IBaseConformance generated) {
        CapabilityStatement.CapabilityStatementRestResourceComponent subscriptions = ((CapabilityStatement) generated)
                .getRestFirstRep()
                .addResource()
                .setType("Subscription")
                .setProfile("http://hl7.org/fhir/StructureDefinition/Subscription")
                .setDocumentation("A rest-hook on your Tasks: criteria Task?requester=Practitioner/{you}, channel "
                        + "rest-hook to an https endpoint (with its headers), payload application/fhir+json, id-only "
                        + "(the Subscriptions R5 Backport's history Bundle naming the Task). Retried with backoff.");
        for (CapabilityStatement.TypeRestfulInteraction interaction : new CapabilityStatement.TypeRestfulInteraction[] {
            CapabilityStatement.TypeRestfulInteraction.CREATE,
            CapabilityStatement.TypeRestfulInteraction.READ,
            CapabilityStatement.TypeRestfulInteraction.DELETE,
            CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE
        }) {
            subscriptions.addInteraction().setCode(interaction);
        }
        subscriptions.addSearchParam().setName("status").setType(SearchParamType.TOKEN);
    }
}

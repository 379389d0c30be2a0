package be.bruzel.notificationservice.subscription;

import be.bruzel.platform.fhir.FailureOutcomes;
import be.bruzel.platform.fhir.FhirCaller;
import be.bruzel.platform.fhir.FhirIds;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 Subscription for a referrer's GP software: a rest-hook on their own Tasks. Created, read, listed and
 * deleted by its referrer alone; for anyone else it does not exist.
 */
@Component
class SubscriptionResource implements IResourceProvider {

    static final String PAYLOAD_CONTENT =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,100}: ?[\\x20-\\x7E]{1,1000}");
    private static final int MAX_HEADERS = 5;

    private final RestHooks hooks;
    private final SubscriptionSettings settings;
    private final Clock clock;

    SubscriptionResource(RestHooks hooks, SubscriptionSettings settings, Clock clock) {
        this.hooks = hooks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription requested) {
        Caller referrer = FhirCaller.with(Role.REFERRER);
        if (!ownCriteria(referrer).contains(requested.getCriteria())) {
            throw FailureOutcomes.invalid(
                    "Subscription.criteria",
                    "A subscription follows your own Tasks: "
                            + ownCriteria(referrer).getFirst());
        }
        Subscription.SubscriptionChannelComponent channel = requested.getChannel();
        if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw FailureOutcomes.invalid("Subscription.channel.type", "The channel is rest-hook");
        }
        URI endpoint = endpointOf(channel.getEndpoint());
        List<String> headers = new ArrayList<>();
        for (StringType header : channel.getHeader()) {
            if (header.getValue() == null || !HEADER.matcher(header.getValue()).matches()) {
                throw FailureOutcomes.invalid("Subscription.channel.header", "A header is written 'Name: value'");
            }
            headers.add(header.getValue());
        }
        if (headers.size() > MAX_HEADERS) {
            throw FailureOutcomes.invalid("Subscription.channel.header", "At most " + MAX_HEADERS + " headers");
        }
        String payload = channel.getPayload();
        if (payload != null && !RestHook.FHIR_JSON.equals(payload)) {
            throw FailureOutcomes.invalid(
                    "Subscription.channel.payload", "The payload is " + RestHook.FHIR_JSON + ", or none");
        }
        String content = Optional.ofNullable(channel.getPayloadElement().getExtensionByUrl(PAYLOAD_CONTENT))
                .map(extension -> extension.getValue().primitiveValue())
                .orElse("id-only");
        if (!"id-only".equals(content) && !"empty".equals(content)) {
            throw FailureOutcomes.invalid(
                    "Subscription.channel.payload",
                    "Notifications name the Task (id-only): its data is read with your token");
        }
        String reason = requested.getReason();
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw FailureOutcomes.invalid("Subscription.reason", "Why: 1 to 200 characters");
        }
        if (hooks.countOfOwner(referrer.userId()) >= settings.maxPerReferrer()) {
            throw FailureOutcomes.invalid(
                    "Subscription", "At most " + settings.maxPerReferrer() + " subscriptions: delete one first");
        }
        RestHook hook = new RestHook(
                UUID.randomUUID(),
                referrer.userId(),
                reason.strip(),
                endpoint,
                headers,
                payload,
                RestHook.Status.ACTIVE,
                null,
                0,
                clock.instant());
        hooks.add(hook);
        Subscription created = resource(hook);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    @Read
    public Subscription read(@IdParam IdType id) {
        RestHook hook = own(id);
        if (hook.status() == RestHook.Status.OFF) {
            throw new ResourceGoneException(id);
        }
        return resource(hook);
    }

    /** The caller's subscriptions, deleted ones left out. */
    @Search
    public List<Subscription> search(@OptionalParam(name = Subscription.SP_STATUS) TokenParam status) {
        Caller caller = FhirCaller.current();
        Optional<RestHook.Status> wanted = Optional.empty();
        if (status != null) {
            try {
                wanted = Optional.of(RestHook.Status.valueOf(status.getValue().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException noSuchStatus) {
                return List.of();
            }
        }
        return hooks.ofOwner(caller.userId(), wanted).stream()
                .map(this::resource)
                .toList();
    }

    /** Deleted: nothing more goes to the endpoint. */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        RestHook hook = own(id);
        if (hook.status() != RestHook.Status.OFF) {
            hooks.turnOff(hook.id());
        }
        return new MethodOutcome();
    }

    private RestHook own(IdType id) {
        Caller caller = FhirCaller.current();
        UUID uuid = FhirIds.uuidOf(id);
        return hooks.find(uuid)
                .filter(hook -> hook.isOwnedBy(caller.userId()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    private URI endpointOf(String endpoint) {
        URI uri;
        try {
            uri = endpoint == null ? null : URI.create(endpoint);
        } catch (IllegalArgumentException malformed) {
            uri = null;
        }
        boolean https = uri != null && "https".equals(uri.getScheme());
        boolean http = uri != null && "http".equals(uri.getScheme()) && settings.allowHttp();
        if (uri == null
                || uri.getHost() == null
                || uri.getUserInfo() != null
                || !(https || http)
                || endpoint.length() > 2000) {
            throw FailureOutcomes.invalid(
                    "Subscription.channel.endpoint",
                    settings.allowHttp() ? "An absolute http or https URL" : "An absolute https URL");
        }
        return uri;
    }

    /** As FHIR writes them; the headers are not answered: they may hold the endpoint's credentials. */
    private Subscription resource(RestHook hook) {
        Subscription subscription = new Subscription();
        subscription.setId(new IdType("Subscription", hook.id().toString()));
        subscription.setStatus(Subscription.SubscriptionStatus.fromCode(NotificationBundle.code(hook.status())));
        subscription.setReason(hook.reason());
        subscription.setCriteria(hook.criteria());
        if (hook.error() != null) {
            subscription.setError(hook.error());
        }
        subscription.getMeta().setLastUpdated(Date.from(hook.createdAt()));
        Subscription.SubscriptionChannelComponent channel = subscription
                .getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint(hook.endpoint().toString());
        if (hook.payload() != null) {
            channel.setPayload(hook.payload());
            channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType("id-only"));
        }
        return subscription;
    }

    private static List<String> ownCriteria(Caller caller) {
        return List.of("Task?requester=Practitioner/" + caller.userId(), "Task?requester=" + caller.userId());
    }
}

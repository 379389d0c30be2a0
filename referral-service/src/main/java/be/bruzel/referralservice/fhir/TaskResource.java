package be.bruzel.referralservice.fhir;

import be.bruzel.platform.fhir.FailureOutcomes;
import be.bruzel.platform.fhir.FhirCaller;
import be.bruzel.platform.fhir.FhirIds;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.referral.FollowUp;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralActions;
import be.bruzel.referralservice.referral.ReferralReading;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A referral as a Task: read and searched by its referrer (and its receiving organisation), its status following
 * the referral's; cancelled by its referrer with a PUT or PATCH of the status. A Task that is not yours does not
 * exist, as in the REST API.
 */
@Component
class TaskResource implements IResourceProvider {

    static final int MAX_COUNT = 100;
    private static final int DEFAULT_COUNT = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReferralReading reading;
    private final ReferralActions actions;

    TaskResource(ReferralReading reading, ReferralActions actions) {
        this.reading = reading;
        this.actions = actions;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        return ReferralResources.task(reading.followUp(FhirCaller.current(), FhirIds.uuidOf(id)));
    }

    /** The caller's Tasks (theirs as referrer, or their organisation's), the last updated first. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Task.SP_REQUESTER) ReferenceParam requester,
            @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Offset Integer offset,
            @Count Integer count) {
        Caller caller = FhirCaller.current();
        int size = pageSize(count);
        List<Referral.Status> statuses = new ArrayList<>();
        if (status != null) {
            for (TokenParam token : status.getValuesAsQueryTokens()) {
                ReferralResources.statusFor(token.getValue()).ifPresent(statuses::add);
            }
            if (statuses.isEmpty()) {
                return new SimpleBundleProvider(List.of());
            }
        }
        if (requester != null && !caller.userId().equals(requester.getIdPart())) {
            // Another referrer's Tasks are not the caller's to see.
            return new SimpleBundleProvider(List.of());
        }
        FollowUp.Page page = reading.followUps(
                caller,
                new FollowUp.Query(
                        statuses,
                        Optional.ofNullable(lastUpdated)
                                .map(DateRangeParam::getLowerBoundAsInstant)
                                .map(java.util.Date::toInstant),
                        Optional.ofNullable(lastUpdated)
                                .map(DateRangeParam::getUpperBoundAsInstant)
                                .map(java.util.Date::toInstant),
                        offsetOf(offset),
                        size));
        SimpleBundleProvider tasks = new SimpleBundleProvider(
                page.items().stream().map(ReferralResources::task).toList());
        tasks.setSize((int) Math.min(page.total(), Integer.MAX_VALUE));
        return tasks;
    }

    /** A PUT of the Task with status cancelled withdraws the referral; no other change is made through FHIR. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
        if (task.getStatus() != Task.TaskStatus.CANCELLED) {
            throw cancellationOnly();
        }
        return cancel(id, id.getVersionIdPart(), task.getStatusReason().getText());
    }

    /** A JSON Patch or FHIRPath Patch that sets the status to cancelled withdraws the referral. */
    @Patch
    public MethodOutcome patch(
            @IdParam IdType id, PatchTypeEnum type, @ResourceParam String body, RequestDetails request) {
        boolean cancels = switch (type) {
            case JSON_PATCH -> cancelsByJsonPatch(body);
            case FHIR_PATCH_JSON, FHIR_PATCH_XML -> cancelsByFhirPatch(request.getFhirContext(), type, body);
            default -> false;
        };
        if (!cancels) {
            throw cancellationOnly();
        }
        String ifMatch = request.getHeader("If-Match");
        return cancel(id, ifMatch == null ? null : versionOf(ifMatch), null);
    }

    private MethodOutcome cancel(IdType id, String expectedVersion, String remark) {
        Caller caller = FhirCaller.current();
        UUID referralId = FhirIds.uuidOf(id);
        Referral before = actions.visibleTo(caller, referralId);
        if (!before.isReferredBy(caller.userId())) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.cancel.referrer-only", "Task.status");
        }
        if (expectedVersion != null && !expectedVersion.equals(String.valueOf(before.version()))) {
            throw new PreconditionFailedException(
                    "The Task changed since version " + expectedVersion + ": read it again");
        }
        if (before.status() != Referral.Status.CANCELLED) {
            actions.cancel(caller, referralId, remark == null || remark.isBlank() ? null : remark.strip());
        }
        Task after = ReferralResources.task(reading.followUp(caller, referralId));
        return new MethodOutcome(after.getIdElement()
                        .withResourceType("Task")
                        .withVersion(after.getMeta().getVersionId()))
                .setResource(after);
    }

    private static boolean cancelsByJsonPatch(String body) {
        JsonNode operations;
        try {
            operations = JSON.readTree(body);
        } catch (RuntimeException malformed) {
            throw new InvalidRequestException("The JSON Patch is not JSON");
        }
        if (!operations.isArray() || operations.isEmpty()) {
            return false;
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asString("");
            boolean setsStatus = ("replace".equals(op) || "add".equals(op))
                    && "/status".equals(operation.path("path").asString(""))
                    && "cancelled".equals(operation.path("value").asString(""));
            boolean tests = "test".equals(op);
            if (!setsStatus && !tests) {
                return false;
            }
        }
        return true;
    }

    private static boolean cancelsByFhirPatch(FhirContext fhir, PatchTypeEnum type, String body) {
        Parameters patch = (Parameters)
                (type == PatchTypeEnum.FHIR_PATCH_XML ? fhir.newXmlParser() : fhir.newJsonParser()).parseResource(body);
        if (patch.getParameter().isEmpty()) {
            return false;
        }
        return patch.getParameter().stream()
                .allMatch(operation -> "operation".equals(operation.getName())
                        && "replace".equals(part(operation, "type"))
                        && "Task.status".equals(part(operation, "path"))
                        && "cancelled".equals(part(operation, "value")));
    }

    private static String part(Parameters.ParametersParameterComponent operation, String name) {
        return operation.getPart().stream()
                .filter(part -> name.equals(part.getName()) && part.getValue() != null)
                .map(part -> part.getValue().primitiveValue())
                .findFirst()
                .orElse(null);
    }

    /** {@code W/"3"} or {@code "3"} or {@code 3}. */
    private static String versionOf(String ifMatch) {
        return ifMatch.replaceFirst("^W/", "").replace("\"", "").strip();
    }

    private static UnprocessableEntityException cancellationOnly() {
        return FailureOutcomes.invalid(
                "Task.status",
                "Through FHIR a referral's requester can only cancel it: status cancelled. The receiving organisation acts in the platform.");
    }

    static int pageSize(Integer count) {
        if (count == null) {
            return DEFAULT_COUNT;
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidRequestException("_count: 1 to " + MAX_COUNT);
        }
        return count;
    }

    static int offsetOf(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw new InvalidRequestException("_offset: 0 or more");
        }
        return offset;
    }
}

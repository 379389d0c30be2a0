package be.bruzel.platform.fhir;

import be.bruzel.platform.support.problem.ProblemMessages;
import be.bruzel.platform.support.problem.RejectedRequestException;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Every failure as the OperationOutcome it should be. What the platform refuses (a referral that is not yours,
 * a transition its state does not allow) gets the status and the words the REST API gives it, in the caller's
 * language, with the element at fault. HAPI puts a failure's message in the OperationOutcome, which for the
 * server's own failures names SQL, classes and addresses: the caller hears only that the server failed; the
 * log has the rest. What the caller got wrong otherwise (a 4xx of HAPI's) is told as HAPI tells it.
 */
@Interceptor
public final class FailureOutcomes {

    private static final Logger log = LoggerFactory.getLogger(FailureOutcomes.class);

    private final ProblemMessages messages;

    public FailureOutcomes(ProblemMessages messages) {
        this.messages = messages;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException outcome(RequestDetails request, Throwable failure) {
        // HAPI wraps what a provider throws, once or twice.
        Throwable cause = failure;
        while (!(cause instanceof RejectedRequestException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof RejectedRequestException rejected) {
            return refused(
                    rejected, ProblemMessages.negotiate(request == null ? null : request.getHeader("Accept-Language")));
        }
        if (cause instanceof OptimisticLockingFailureException) {
            return new ResourceVersionConflictException("Someone changed it meanwhile: read it again");
        }
        if (failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500) {
            return answer;
        }
        log.error("A FHIR request failed", failure);
        return new InternalErrorException("The server could not answer this request; the failure is in its log");
    }

    /** A 422 whose OperationOutcome names the element at fault, e.g. {@code Patient.address.postalCode}. */
    public static UnprocessableEntityException invalid(String expression, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(message)
                .addExpression(expression);
        return new UnprocessableEntityException(message, outcome);
    }

    private BaseServerResponseException refused(RejectedRequestException rejected, Locale language) {
        String message = messages.get(rejected.messageCode(), language, rejected.arguments());
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(rejected.status().value()))
                .setDiagnostics(message);
        if (rejected.field() != null) {
            issue.addExpression(rejected.field());
        }
        BaseServerResponseException answer =
                BaseServerResponseException.newInstance(rejected.status().value(), message);
        answer.setOperationOutcome(outcome);
        return answer;
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 410 -> OperationOutcome.IssueType.DELETED;
            default -> status < 500 ? OperationOutcome.IssueType.INVALID : OperationOutcome.IssueType.EXCEPTION;
        };
    }
}

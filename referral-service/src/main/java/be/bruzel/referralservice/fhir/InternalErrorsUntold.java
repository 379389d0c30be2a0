package be.bruzel.referralservice.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI puts a failure's message in the OperationOutcome it answers, which for the server's own failures
 * names SQL, classes and addresses. The caller hears only that the server failed; the log has the rest.
 * What the caller got wrong (a 4xx) is told as HAPI tells it.
 */
@Interceptor
final class InternalErrorsUntold {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorsUntold.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException untold(Throwable failure) {
        if (failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500) {
            return answer;
        }
        log.error("A FHIR request failed", failure);
        return new InternalErrorException("The server could not answer this request; the failure is in its log");
    }
}

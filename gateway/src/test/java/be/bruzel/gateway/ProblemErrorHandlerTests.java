package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;

class ProblemErrorHandlerTests {

    @Test
    void aServiceThatCannotTakeTheCallNowIsUnavailableNotAnError() {
        assertThat(ProblemErrorHandler.statusOf(
                        BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("referral"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(CallNotPermittedException.createCallNotPermittedException(
                        CircuitBreaker.ofDefaults("referral"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException(new ConnectException("refused"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(new ServiceUnavailableException()))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aServiceThatIsTooSlowIsAGatewayTimeoutAndAnythingElseAnError() {
        assertThat(ProblemErrorHandler.statusOf(new TimeoutException())).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException()))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}

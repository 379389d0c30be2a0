package be.bruzel.gateway;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway answers itself is an RFC 9457 problem in the caller's language: a
 * service that is down or refuses connections is a 503, one that is too slow a 504.
 */
@Component
// Before Spring Boot's own error handler (order -1), which answers in its own format.
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("nl"), Locale.FRENCH);

    private final JsonMapper json;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ProblemErrorHandler(JsonMapper json) {
        this.json = json;
        messages.setBasename("gateway-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError() && status.value() != 503 && status.value() != 504) {
            log.error(
                    "Unexpected failure at the gateway for {}",
                    exchange.getRequest().getPath(),
                    error);
        }
        Locale locale = languageOf(exchange);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                messages.getMessage(
                        "problem.detail." + status.value(),
                        null,
                        messages.getMessage("problem.detail.other", null, locale),
                        locale));
        problem.setTitle(messages.getMessage(
                "problem.title." + status.value(),
                null,
                HttpStatus.valueOf(status.value()).getReasonPhrase(),
                locale));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        // What the error adds, e.g. Retry-After on a 429.
        errorResponseOf(error).ifPresent(declared -> response.getHeaders().putAll(declared.getHeaders()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Content-Language", locale.getLanguage());
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    static HttpStatusCode statusOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse errorResponse) {
                return errorResponse.getStatusCode();
            }
            // The gateway's own, e.g. ServiceUnavailableException when a circuit breaker is open.
            ResponseStatus declared =
                    AnnotatedElementUtils.findMergedAnnotation(cause.getClass(), ResponseStatus.class);
            if (declared != null) {
                return declared.code();
            }
            // The session's tokens could not be renewed: the person has to sign in again.
            if (cause instanceof OAuth2AuthorizationException) {
                return HttpStatus.UNAUTHORIZED;
            }
            if (cause instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (cause instanceof ConnectException
                    || cause instanceof CallNotPermittedException
                    || cause instanceof BulkheadFullException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static Optional<ErrorResponse> errorResponseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse errorResponse) {
                return Optional.of(errorResponse);
            }
        }
        return Optional.empty();
    }

    private static Locale languageOf(ServerWebExchange exchange) {
        List<Locale.LanguageRange> accepted = exchange.getRequest().getHeaders().getAcceptLanguage();
        Locale match = accepted.isEmpty() ? null : Locale.lookup(accepted, LANGUAGES);
        return match != null ? match : Locale.ENGLISH;
    }
}

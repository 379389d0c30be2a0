package be.bruzel.platform.support.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every error a service returns is an RFC 9457 problem in the caller's language. Invalid input
 * names the fields at fault in {@code errors}; an unexpected failure says nothing of its cause.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemMessages messages;

    public ProblemDetailsAdvice(ProblemMessages messages) {
        this.messages = messages;
        setMessageSource(messages.source());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = Stream.concat(
                        ex.getBindingResult().getFieldErrors().stream()
                                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage())),
                        ex.getBindingResult().getGlobalErrors().stream()
                                .map(error -> new InvalidField(error.getObjectName(), error.getDefaultMessage())))
                .toList();
        return invalid(fields, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(fields, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getMostSpecificCause() instanceof JacksonException jackson ? fieldPath(jackson) : "";
        if (field.isEmpty()) {
            return problem(ex, HttpStatus.BAD_REQUEST, "problem.unreadable", headers, request);
        }
        // Texts are always readable as such; one that is refused holds a control character (InputGuards).
        boolean controlCharacter = ex.getMostSpecificCause() instanceof InvalidFormatException format
                && format.getTargetType() == String.class;
        return invalid(
                List.of(new InvalidField(
                        field,
                        text(controlCharacter ? "problem.field.control-character" : "problem.field.unreadable"))),
                ex,
                headers,
                request);
    }

    /** Validation of a service method outside the web layer, e.g. a {@code @Validated} component. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> fields = ex.getConstraintViolations().stream()
                .map(violation ->
                        new InvalidField(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return invalid(fields, ex, new HttpHeaders(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return invalid(
                List.of(new InvalidField(ex.getName(), text("problem.field.unreadable"))),
                ex,
                new HttpHeaders(),
                request);
    }

    /** Thrown when a domain rule refuses the request; the code names the message. */
    @ExceptionHandler(RejectedRequestException.class)
    ResponseEntity<Object> rejected(RejectedRequestException ex, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), text(ex.messageCode(), ex.arguments()));
        body.setTitle(text("problem.title." + ex.status().value()));
        if (ex.field() != null) {
            body.setProperty("errors", List.of(new InvalidField(ex.field(), body.getDetail())));
        }
        ex.properties().forEach(body::setProperty);
        return handleExceptionInternal(ex, body, new HttpHeaders(), ex.status(), request);
    }

    /** Two people changed the same thing at once; the later one is told to look again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> changedMeanwhile(ConcurrencyFailureException ex, WebRequest request) {
        return problem(ex, HttpStatus.CONFLICT, "problem.changed-meanwhile", new HttpHeaders(), request);
    }

    /**
     * No database connection came free in time: the service is saturated, not broken. Nothing was
     * stored, so the caller may simply try again (with the same Idempotency-Key where there is one).
     */
    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<Object> busy(CannotCreateTransactionException ex, WebRequest request) {
        log.warn("Too busy for {}: {}", request.getDescription(false), ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problem(ex, HttpStatus.SERVICE_UNAVAILABLE, "problem.busy", headers, request);
    }

    /** Method security denials end here, not in the filter chain's handler. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex, WebRequest request) {
        return problem(ex, HttpStatus.FORBIDDEN, "problem.forbidden", new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(ex, HttpStatus.UNAUTHORIZED, "problem.unauthorized", new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure handling {}", request.getDescription(false), ex);
        return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", new HttpHeaders(), request);
    }

    private ResponseEntity<Object> invalid(
            List<InvalidField> fields, Exception ex, HttpHeaders headers, WebRequest request) {
        String names = fields.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.invalid", names));
        body.setTitle(text("problem.title.400"));
        body.setProperty("errors", fields);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> problem(
            Exception ex, HttpStatus status, String detailCode, HttpHeaders headers, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, text(detailCode));
        body.setTitle(text("problem.title." + status.value()));
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.get(code, locale, args);
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static String fieldPath(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** One field at fault and why, in the caller's language. */
    public record InvalidField(String field, String message) {}
}

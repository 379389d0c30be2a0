package be.bruzel.platform.support.problem;

import org.springframework.http.HttpStatus;

/**
 * A request the domain refuses: answered as a problem whose detail is the message
 * {@code messageCode} in the caller's language, naming {@code field} when one is at fault.
 */
public class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String messageCode;
    private final String field;
    private final transient Object[] arguments;

    public RejectedRequestException(HttpStatus status, String messageCode, String field, Object... arguments) {
        super(messageCode);
        this.status = status;
        this.messageCode = messageCode;
        this.field = field;
        this.arguments = arguments;
    }

    public static RejectedRequestException notFound(String messageCode, Object... arguments) {
        return new RejectedRequestException(HttpStatus.NOT_FOUND, messageCode, null, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageCode() {
        return messageCode;
    }

    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments;
    }
}

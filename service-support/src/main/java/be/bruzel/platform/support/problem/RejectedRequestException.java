package be.bruzel.platform.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;
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
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

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

    /** Adds a member to the problem, e.g. the records an import rejected. */
    public RejectedRequestException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}

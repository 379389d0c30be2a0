package be.bruzel.directoryservice.organisation;

import java.util.List;

/** Why a record cannot be stored: the field at fault and a message code with its arguments. */
public record Violation(String field, String messageCode, List<Object> arguments) {

    public static Violation of(String field, String messageCode, Object... arguments) {
        return new Violation(field, messageCode, List.of(arguments));
    }
}

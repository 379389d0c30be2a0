package be.bruzel.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The short, versioned name an event carries on the wire (CloudEvents {@code type}), so that
 * no Java class name ever leaves a service. Fields change additively only; a breaking change
 * is a new type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}

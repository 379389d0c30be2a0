/**
 * FHIR R4 Subscription: GP software hears, without polling, when one of its referrer's Tasks changes. The referrer
 * subscribes at {@code /fhir/R4/Subscription} (criteria {@code Task?requester=Practitioner/{them}}, channel
 * rest-hook); each referral event that changes one of their Tasks owes the subscription a notification, in the
 * transaction that consumes the event; the delivery posts it (an id-only history Bundle, after the Subscriptions
 * R5 Backport IG) and tries again with backoff until the endpoint takes it.
 */
package be.bruzel.notificationservice.subscription;

/**
 * Reminders to an organisation's coordinators that a service's listing is due for a check: by e-mail to each
 * coordinator known here, or to the service's intake mailbox while none is.
 */
package be.bruzel.notificationservice.listing;

/** What every kind of delivery shares: how a failed one is tried again. */
package be.bruzel.notificationservice.delivery;

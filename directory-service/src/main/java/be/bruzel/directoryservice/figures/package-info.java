/**
 * Live figures: how quickly and how often each service takes the referrals it is offered, over the last 90 days,
 * from the platform's own referrals ({@code referral.events}), shown where a referrer chooses a service and hidden
 * below 5 referrals.
 */
package be.bruzel.directoryservice.figures;

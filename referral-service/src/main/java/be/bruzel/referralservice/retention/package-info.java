/**
 * Storage limitation (GDPR art. 5(1)(e)) on a schedule: idle referrals expire, closed ones have their person's data
 * erased after the retention period, and the outbox, idempotency keys and access log are kept only for their own
 * periods. Administrators see beforehand what is due.
 */
package be.bruzel.referralservice.retention;

/**
 * The person's right of access (GDPR art. 15): everything the platform holds about the person in one referral,
 * who read it and when, as JSON and as a printable page in the person's language that the referrer can hand over.
 */
package be.bruzel.referralservice.subjectaccess;

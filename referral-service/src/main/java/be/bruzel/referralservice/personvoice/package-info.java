/**
 * The person's own voice (BruZEL's indicators 11 and 14): with a consent of its own, the platform asks the person
 * referred, once the organisation has had the referral for a while or completed it, in their language, by e-mail (or
 * SMS where a phone is all there is, through a pluggable SMS provider), whether they were contacted and how satisfied
 * they are. The message carries a link that needs no account: signed, expiring, single-use. The answer goes on the
 * referral's timeline (the comment as a remark, erased with the rest of the person's data) and, as codes, to the
 * statistics ({@code referral.person-answered.v1}).
 */
package be.bruzel.referralservice.personvoice;

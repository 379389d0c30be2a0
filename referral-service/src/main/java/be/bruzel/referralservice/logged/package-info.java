/**
 * Logged referrals: a referrer notes a referral they made outside the platform (by phone, on paper), with its themes,
 * where the person lives and the organisation if known, so that the statistics count it apart from the platform's
 * own. Nothing of the person is asked or kept.
 */
package be.bruzel.referralservice.logged;

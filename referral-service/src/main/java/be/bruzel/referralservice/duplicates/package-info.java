/**
 * Duplicates: before a referral is stored, whether the same person already has an open referral on one of its themes,
 * recognised by keyed hashes of their name with their phone or e-mail (never their name in the clear), and what the
 * referrer may be told of it: their own referral in full, another referrer's only as the fact and its organisation.
 */
package be.bruzel.referralservice.duplicates;

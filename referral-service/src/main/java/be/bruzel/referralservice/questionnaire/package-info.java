/**
 * The zone's needs questionnaire: administrators of the first-line zone write it (bilingual questions whose options
 * point to themes and may mark a fact about the person), scoped to the whole zone or to some municipalities, and
 * publish versions that replace each other from a date and are never edited. The referrer goes through it with the
 * person; the answers suggest themes and facts, are kept on the referral as codes, and an "other need" in the
 * referrer's words is kept as personal data, erased with the rest of it.
 */
package be.bruzel.referralservice.questionnaire;

package be.bruzel.referralservice.referral;

import java.util.List;

/** One page of a list of referrals, with the total over all pages. */
public record ReferralPage(List<ReferralSummary> items, int page, int size, long total) {}

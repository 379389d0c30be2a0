package be.bruzel.referralservice.routing;

import be.bruzel.platform.routing.RoutingDecision;

/** Where one theme of a referral goes, and the decision that chose it, kept on the referral as its explanation. */
public record Route(String themeCode, Receiver receiver, RoutingDecision decision) {}

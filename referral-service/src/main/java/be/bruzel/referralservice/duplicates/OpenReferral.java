package be.bruzel.referralservice.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An open referral of the same person on a theme of the new one, as the referrer about to submit is told of it. Of
 * another referrer's referral only the fact and who holds it: its id, date and themes are left out (null).
 *
 * @param organisationId who holds it; with {@code unmetNeed}, the care zone's helpdesk
 * @param yours the caller made it
 * @param since the day it was made; only when yours
 * @param themes the themes it shares with the new referral; only when yours
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenReferral(
        String organisationId,
        boolean unmetNeed,
        boolean yours,
        UUID referralId,
        LocalDate since,
        List<String> themes) {}

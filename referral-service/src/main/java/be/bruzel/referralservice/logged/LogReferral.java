package be.bruzel.referralservice.logged;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A referral made outside the platform, as its referrer logs it. Nothing of the person.
 *
 * @param postcode where the person lives, a Brussels postcode
 * @param municipality the municipality's NIS code, needed where a postcode covers two (1040, 1050)
 * @param organisationId the organisation referred to, as the social map names it; none if not known
 */
record LogReferral(
        @NotNull LocalDate madeOn,
        @NotNull LoggedReferral.Channel channel,
        @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> themes,

        @NotNull @Pattern(regexp = "1[0-2][0-9]{2}", message = "{referral.postcode.brussels}")
        String postcode,

        @Pattern(regexp = "[0-9]{5}") String municipality,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}") String organisationId) {}

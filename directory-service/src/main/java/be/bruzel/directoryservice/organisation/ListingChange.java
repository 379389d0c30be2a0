package be.bruzel.directoryservice.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an organisation's coordinator keeps of a service's listing: how it reads, when it is open, where referrals
 * arrive and in which languages. Its themes, areas and who it is for decide routing and stay with administrators.
 *
 * @param version the version read: a change made meanwhile by someone else is a 409
 */
public record ListingChange(
        @Size(max = 4000) String descriptionNl,
        @Size(max = 4000) String descriptionFr,
        @Valid @NotNull SupportService.Intake intake,
        @NotEmpty @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
        @Size(max = 28) List<SupportService.@Valid @NotNull OpeningHours> openingHours,
        @NotNull Integer version) {

    SupportService appliedTo(SupportService current) {
        return new SupportService(
                current.id(),
                current.organisationId(),
                current.nameNl(),
                current.nameFr(),
                descriptionNl,
                descriptionFr,
                current.active(),
                intake,
                current.capacity(),
                current.eligibility(),
                current.themes(),
                languages,
                current.serviceAreas(),
                current.locationIds(),
                current.contacts(),
                openingHours,
                current.version());
    }
}

package be.bruzel.directoryservice.organisation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A support organisation (OCMW/CPAS, CAW, lokaal dienstencentrum, ...), HSDS {@code organization}.
 * Its id is also the {@code organisation_id} its workers carry in their tokens.
 *
 * @param version for optimistic locking: an update must name the version it read
 */
public record Organisation(
        @NotBlank @Pattern(regexp = SupportService.ID) String id,
        @NotBlank @Size(max = 200) String nameNl,
        @NotBlank @Size(max = 200) String nameFr,
        @Size(max = 4000) String descriptionNl,
        @Size(max = 4000) String descriptionFr,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "https?://\\S{1,300}") String website,
        Integer version) {

    public Organisation {
        descriptionNl = descriptionNl == null ? "" : descriptionNl;
        descriptionFr = descriptionFr == null ? "" : descriptionFr;
    }

    Organisation withVersion(int newVersion) {
        return new Organisation(id, nameNl, nameFr, descriptionNl, descriptionFr, email, website, newVersion);
    }
}

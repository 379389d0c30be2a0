package be.bruzel.directoryservice.theme;

import be.bruzel.platform.events.ThemeChanged;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** A kind of need a referral can be about, named in Dutch, French and English. */
public record Theme(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String code,
        @NotBlank @Size(max = 120) String nameNl,
        @NotBlank @Size(max = 120) String nameFr,
        @NotBlank @Size(max = 120) String nameEn,
        Boolean active) {

    /** A new theme is active unless said otherwise. */
    public Theme {
        active = active == null || active;
    }

    ThemeChanged changed(Instant now) {
        return new ThemeChanged(UUID.randomUUID(), now, code, nameNl, nameFr, nameEn, active);
    }
}

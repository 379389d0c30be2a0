package be.bruzel.directoryservice.territory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A care zone and its helpdesk, which answers when no service can take a referral. */
public record CareZone(String code, String firstLineZoneCode, String nameNl, String nameFr, Helpdesk helpdesk) {

    /** How to reach the zone's helpdesk; unset until an administrator records it. */
    public record Helpdesk(
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9 ./()-]{6,30}") String phone) {}
}

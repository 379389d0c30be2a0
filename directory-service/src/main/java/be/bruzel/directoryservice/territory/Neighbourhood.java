package be.bruzel.directoryservice.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A welfare and health neighbourhood (welzijns- en gezondheidswijk): an optional finer level in a care zone. */
public record Neighbourhood(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}")
        String id,

        @NotBlank String careZone,
        @NotBlank @Pattern(regexp = "[0-9]{5}") String municipality,
        @NotBlank @Size(max = 200) String nameNl,
        @NotBlank @Size(max = 200) String nameFr) {}

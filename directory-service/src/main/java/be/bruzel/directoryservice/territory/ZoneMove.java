package be.bruzel.directoryservice.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** An administrator's decision that an area belongs to another care zone from a date on. */
public record ZoneMove(@NotBlank String careZone, @NotNull LocalDate effectiveFrom) {}

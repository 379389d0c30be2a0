package be.bruzel.directoryservice.organisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Where an organisation receives people, HSDS {@code location} with its address. */
public record Location(
        @NotBlank @Pattern(regexp = SupportService.ID) String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Pattern(regexp = "[0-9]{4}") String postcode,
        @NotBlank @Size(max = 100) String city,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {}

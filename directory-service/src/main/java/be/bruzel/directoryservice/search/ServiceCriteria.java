package be.bruzel.directoryservice.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person looks for in the social map. Every filter is optional; given together they all apply.
 *
 * @param q free text over names and descriptions, Dutch and French, forgiving accents and typos
 */
public record ServiceCriteria(
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String theme,
        @Pattern(regexp = "[0-9]{5}") String municipality,
        @Pattern(regexp = "[0-9]{4}") String postcode,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String careZone,
        @Pattern(regexp = "[a-z]{2,3}") String language,
        @Size(max = 200) String q,
        @Min(0) @Max(10_000) Integer page,
        @Min(1) @Max(100) Integer size) {

    public ServiceCriteria {
        q = q == null || q.isBlank() ? null : q.strip();
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    boolean filtersByPlace() {
        return municipality != null || postcode != null || careZone != null;
    }
}

package be.bruzel.directoryservice.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A place at one level of the territory, e.g. {@code MUNICIPALITY:21010} (Jette) or {@code CARE_ZONE:noord}. */
public record PlaceRef(
        @NotNull PlaceKind kind, @NotBlank @Size(max = 80) String code) {

    /** Reads {@code KIND:code}, the form used on the wire and in HSDS service areas. */
    public static PlaceRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected KIND:code, got " + text);
        }
        return new PlaceRef(PlaceKind.valueOf(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind + ":" + code;
    }
}

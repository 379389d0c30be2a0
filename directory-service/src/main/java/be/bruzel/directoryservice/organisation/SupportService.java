package be.bruzel.directoryservice.organisation;

import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.routing.Candidate;
import be.bruzel.platform.routing.TargetGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a support organisation offers and takes referrals for (HSDS {@code service}): on which
 * themes, where, in which languages, how referrals reach it, and whether it can take one now.
 *
 * @param version for optimistic locking: an update must name the version it read
 */
public record SupportService(
        @NotBlank @Pattern(regexp = ID) String id,
        @NotBlank @Pattern(regexp = ID) String organisationId,
        @NotBlank @Size(max = 200) String nameNl,
        @NotBlank @Size(max = 200) String nameFr,
        @Size(max = 4000) String descriptionNl,
        @Size(max = 4000) String descriptionFr,
        Boolean active,
        @Valid @NotNull Intake intake,
        @Valid @NotNull Capacity capacity,
        @Valid Eligibility eligibility,
        @NotEmpty @Size(max = 20) List<@NotBlank String> themes,
        @NotEmpty @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull PlaceRef> serviceAreas,
        @Size(max = 20) List<@NotBlank String> locationIds,
        @Size(max = 10) List<@Valid @NotNull Contact> contacts,
        @Size(max = 28) List<@Valid @NotNull OpeningHours> openingHours,
        Integer version) {

    /** Identifiers are lower-case words joined by hyphens, or HSDS UUIDs. */
    public static final String ID = "[a-z0-9][a-z0-9-]{1,79}";

    public SupportService {
        descriptionNl = descriptionNl == null ? "" : descriptionNl;
        descriptionFr = descriptionFr == null ? "" : descriptionFr;
        active = active == null || active;
        eligibility = eligibility == null ? Eligibility.EVERYONE : eligibility;
        // Sets in a fixed order, so that the same service read from anywhere is equal to itself.
        themes = themes == null ? null : themes.stream().distinct().sorted().toList();
        languages = languages == null
                ? null
                : languages.stream().distinct().sorted().toList();
        serviceAreas = serviceAreas == null
                ? null
                : serviceAreas.stream()
                        .distinct()
                        .sorted(Comparator.comparing(String::valueOf))
                        .toList();
        locationIds = locationIds == null
                ? List.of()
                : locationIds.stream().distinct().sorted().toList();
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        openingHours = openingHours == null
                ? List.of()
                : openingHours.stream()
                        .sorted(Comparator.comparingInt(OpeningHours::weekday)
                                .thenComparing(OpeningHours::opensAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList();
    }

    /**
     * How referrals reach the service: its team sees them in the app, its intake mailbox is told.
     *
     * @param language the language the mailbox is written to in, {@code nl} or {@code fr}; none: both
     */
    public record Intake(
            @NotBlank @Size(max = 200) String team,
            @NotBlank @Email @Size(max = 200) String email,
            @Pattern(regexp = "nl|fr") String language) {}

    /**
     * Whether the service takes referrals.
     *
     * @param fullUntil with {@code FULL}: the first day it takes referrals again; none means until further notice
     */
    public record Capacity(@NotNull Status status, LocalDate fullUntil) {

        public enum Status {
            OPEN,
            FULL,
            PAUSED
        }

        public static final Capacity OPEN = new Capacity(Status.OPEN, null);

        @AssertTrue(message = "{capacity.full-until.only-when-full}")
        boolean isFullUntilOnlyWhenFull() {
            return fullUntil == null || status == Status.FULL;
        }
    }

    /**
     * Who the service is for (HSDS {@code minimum_age}, {@code maximum_age}; the target groups are the platform's):
     * routing skips it for a person who is certainly not among them.
     *
     * @param targetGroups none: everyone; more than one: a person in any of them
     */
    public record Eligibility(
            @Min(0) @Max(120) Integer minimumAge,
            @Min(0) @Max(120) Integer maximumAge,
            @Size(max = 5) List<@NotNull TargetGroup> targetGroups) {

        public static final Eligibility EVERYONE = new Eligibility(null, null, List.of());

        public Eligibility {
            // A set in a fixed order, as the themes: the same service reads the same everywhere.
            targetGroups = targetGroups == null
                    ? List.of()
                    : targetGroups.stream()
                            .distinct()
                            .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                            .toList();
        }

        @AssertTrue(message = "{eligibility.age-range}")
        boolean isAgeRangeInOrder() {
            return minimumAge == null || maximumAge == null || minimumAge <= maximumAge;
        }

        be.bruzel.platform.routing.Eligibility forRouting() {
            return new be.bruzel.platform.routing.Eligibility(minimumAge, maximumAge, Set.copyOf(targetGroups));
        }
    }

    /** A team or desk to reach (HSDS {@code contact}); never a person referred. */
    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9 ./()-]{6,30}") String phone) {}

    /** HSDS {@code schedule}: open on a weekday (1 is Monday) between two times. */
    public record OpeningHours(
            @Min(1) @Max(7) int weekday,
            @NotNull LocalTime opensAt,
            @NotNull LocalTime closesAt) {

        @AssertTrue(message = "{opening-hours.closes-after-opening}")
        boolean isClosingAfterOpening() {
            return opensAt == null || closesAt == null || closesAt.isAfter(opensAt);
        }
    }

    /** What routing needs to weigh this service. */
    public Candidate asCandidate() {
        return new Candidate(
                id, active, capacity.status().name(), capacity.fullUntil(), languages, eligibility.forRouting());
    }

    SupportService withVersion(int newVersion) {
        return new SupportService(
                id,
                organisationId,
                nameNl,
                nameFr,
                descriptionNl,
                descriptionFr,
                active,
                intake,
                capacity,
                eligibility,
                themes,
                languages,
                serviceAreas,
                locationIds,
                contacts,
                openingHours,
                newVersion);
    }

    ServiceChanged changed(Instant now) {
        return new ServiceChanged(
                UUID.randomUUID(),
                now,
                id,
                organisationId,
                nameNl,
                nameFr,
                active,
                themes,
                languages,
                serviceAreas.stream().map(PlaceRef::toString).toList(),
                capacity.status().name(),
                capacity.fullUntil(),
                intake.email(),
                intake.language(),
                eligibility.minimumAge(),
                eligibility.maximumAge(),
                eligibility.targetGroups().stream().map(Enum::name).toList());
    }
}

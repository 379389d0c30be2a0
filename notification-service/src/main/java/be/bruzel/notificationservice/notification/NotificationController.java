package be.bruzel.notificationservice.notification;

import be.bruzel.notificationservice.email.EmailPreferences;
import be.bruzel.notificationservice.email.UserContacts;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications", description = "What happened to the referrals I or my organisation am involved in")
class NotificationController {

    private final Notifications notifications;
    private final UserContacts contacts;
    private final EmailPreferences preferences;
    private final Clock clock;

    NotificationController(
            Notifications notifications, UserContacts contacts, EmailPreferences preferences, Clock clock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * How I want each kind of notification by e-mail, and in which language the platform speaks to me.
     *
     * @param email by notification type: IMMEDIATELY (the default), DAILY_DIGEST or NEVER; left out: unchanged
     * @param language nl, fr or en, for the web application and my e-mails; none chosen: my account's language
     * @param directoryLanguage nl or fr: the social map's names when I read in English (it has no English names)
     */
    record Preferences(
            Map<Notification.Type, EmailPreferences.Delivery> email,
            @Pattern(regexp = "nl|fr|en") String language,
            @Pattern(regexp = "nl|fr") String directoryLanguage) {}

    /** One page of my notifications, newest first, with how many are unread. */
    record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {}

    @GetMapping
    @Operation(summary = "My notifications and my organisation's, newest first, with my unread count")
    NotificationPage mine(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        // The app looks here on every screen: the moment to learn where and in which language to write to me.
        contacts.remember(caller.userId(), caller.email(), caller.language());
        contacts.rememberOrganisation(
                caller.userId(), caller.organisationId(), caller.has(Role.ORGANISATION_COORDINATOR));
        Notifications.Reader reader = readerOf(caller);
        Notifications.Counts counts = notifications.countsOf(reader);
        return new NotificationPage(notifications.of(reader, page, size), page, size, counts.total(), counts.unread());
    }

    /** One page of the referrals my notifications are about, with how many I have not read in all. */
    record ReferralNotificationPage(List<ReferralNotifications> items, int page, int size, long total, long unread) {}

    @GetMapping("/referrals")
    @Operation(
            summary = "My notifications grouped by referral, the one with the newest first",
            description = "Each group names the referral's short reference and themes, counts my unread ones and "
                    + "holds its newest notifications (up to ten).")
    ReferralNotificationPage byReferral(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Notifications.Reader reader = readerOf(caller);
        Notifications.Counts referrals = notifications.referralCountsOf(reader);
        return new ReferralNotificationPage(
                notifications.byReferral(reader, page, size), page, size, referrals.total(), referrals.unread());
    }

    @PostMapping("/referrals/{referralId}/read")
    @Operation(
            summary = "Mark mine about one referral read: the app does so when I open it",
            description = "Answers 204 also when I have none about it, so it tells nobody whether a referral exists.")
    ResponseEntity<Void> markReferralRead(@AuthenticationPrincipal Caller caller, @PathVariable UUID referralId) {
        notifications.markReferralRead(readerOf(caller), referralId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one read, for me (my colleagues still see it unread)")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        if (!notifications.markRead(readerOf(caller), id, clock.instant())) {
            throw RejectedRequestException.notFound("notification.not-found", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @Operation(summary = "Mark all of mine read")
    ResponseEntity<Void> markAllRead(@AuthenticationPrincipal Caller caller) {
        notifications.markAllRead(readerOf(caller), clock.instant());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    @Operation(summary = "How I get each kind of notification by e-mail")
    Preferences preferences(@AuthenticationPrincipal Caller caller) {
        Map<String, EmailPreferences.Delivery> chosen = preferences.of(caller.userId());
        Map<Notification.Type, EmailPreferences.Delivery> all = new EnumMap<>(Notification.Type.class);
        for (Notification.Type type : Notification.Type.values()) {
            all.put(type, chosen.getOrDefault(type.name(), EmailPreferences.Delivery.IMMEDIATELY));
        }
        UserContacts.Choices choices = contacts.choicesOf(caller.userId());
        return new Preferences(
                all,
                choices.language().orElse(null),
                choices.directoryLanguage().orElse(null));
    }

    @PutMapping("/preferences")
    @Operation(
            summary = "Choose, per kind of notification, an e-mail at once, a daily digest or none; and my language",
            description = "Kinds left out keep their current choice. In the app every notification stays.")
    Preferences choose(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Preferences chosen) {
        if (chosen.email() != null) {
            Map<String, EmailPreferences.Delivery> byName = new HashMap<>();
            chosen.email().forEach((type, delivery) -> byName.put(type.name(), delivery));
            preferences.choose(caller.userId(), byName);
        }
        if (chosen.language() != null || chosen.directoryLanguage() != null) {
            contacts.choose(
                    caller.userId(),
                    caller.email(),
                    caller.language(),
                    new UserContacts.Choices(
                            Optional.ofNullable(chosen.language()), Optional.ofNullable(chosen.directoryLanguage())));
        }
        return preferences(caller);
    }

    private static Notifications.Reader readerOf(Caller caller) {
        return new Notifications.Reader(caller.userId(), caller.organisationId());
    }
}

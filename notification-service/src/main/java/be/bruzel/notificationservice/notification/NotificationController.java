package be.bruzel.notificationservice.notification;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "What happened to the referrals I am involved in")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** One page of my notifications, newest first, with how many are unread. */
    record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first, with the unread count")
    NotificationPage mine(@AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Notifications.Counts counts = notifications.countsOf(caller.userId());
        return new NotificationPage(notifications.of(caller.userId(), page, size), page, size, counts.total(),
                counts.unread());
    }
}

package be.bruzel.directoryservice.theme;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.directoryservice.publication.CurrentState;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the theme taxonomy, each with its audit entry and its event. Themes are deactivated, never deleted. */
@Service
public class ThemeAdministration implements CurrentState {

    private final Themes themes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThemeAdministration(Themes themes, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.themes = themes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void add(String actorId, Theme theme) {
        if (!themes.add(theme)) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "theme.exists", "code", theme.code());
        }
        audit.record(actorId, "theme.added", "theme", theme.code(), theme);
        events.publishEvent(theme.changed(clock.instant()));
    }

    @Transactional
    void update(String actorId, Theme theme) {
        if (!themes.update(theme)) {
            throw RejectedRequestException.notFound("theme.not-found", theme.code());
        }
        audit.record(actorId, "theme.changed", "theme", theme.code(), theme);
        events.publishEvent(theme.changed(clock.instant()));
    }

    /** The codes among those given that a service may not be offered under: unknown or deactivated. */
    public List<String> notActive(Collection<String> codes) {
        return themes.notActive(codes);
    }

    public List<Theme> all() {
        return themes.all(true);
    }

    @Override
    public List<ThemeChanged> currentState(Instant now) {
        return themes.all(true).stream().map(theme -> theme.changed(now)).toList();
    }
}

package be.bruzel.directoryservice.theme;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.platform.support.problem.RejectedRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the theme taxonomy, each with its audit entry. */
@Service
class ThemeAdministration {

    private final Themes themes;
    private final AuditTrail audit;

    ThemeAdministration(Themes themes, AuditTrail audit) {
        this.themes = themes;
        this.audit = audit;
    }

    @Transactional
    void add(String actorId, Theme theme) {
        if (!themes.add(theme)) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "theme.exists", "code", theme.code());
        }
        audit.record(actorId, "theme.added", "theme", theme.code(), theme);
    }
}

package be.bruzel.directoryservice.theme;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory/themes")
@Tag(name = "Themes", description = "The kinds of need a referral can be about")
class ThemeController {

    private final Themes themes;
    private final ThemeAdministration administration;

    ThemeController(Themes themes, ThemeAdministration administration) {
        this.themes = themes;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "The themes, active ones only unless asked")
    List<Theme> all(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return themes.all(includeInactive);
    }

    @GetMapping("/{code}")
    Theme find(@PathVariable String code) {
        return themes.find(code).orElseThrow(() -> RejectedRequestException.notFound("theme.not-found", code));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add a theme (administrators)")
    ResponseEntity<Theme> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Theme theme) {
        administration.add(caller.userId(), theme);
        return ResponseEntity.created(URI.create("/api/directory/themes/" + theme.code()))
                .body(theme);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Rename, deactivate or reactivate a theme (administrators); themes are never deleted")
    Theme update(@AuthenticationPrincipal Caller caller, @PathVariable String code, @Valid @RequestBody Theme theme) {
        if (!theme.code().equals(code)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "request.id-mismatch", "code", code);
        }
        administration.update(caller.userId(), theme);
        return theme;
    }
}

package be.bruzel.directoryservice.publication;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Publication", description = "The directory on Kafka")
class SnapshotController {

    private final DirectorySnapshot snapshot;

    SnapshotController(DirectorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @PostMapping("/api/directory/snapshots")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Publish the whole directory again on its topics (administrators), "
                    + "e.g. after a topic was lost; consumers take each event as the current state")
    Map<String, Integer> publish(@AuthenticationPrincipal Caller caller) {
        return Map.of("events", snapshot.publish(caller.userId()));
    }
}

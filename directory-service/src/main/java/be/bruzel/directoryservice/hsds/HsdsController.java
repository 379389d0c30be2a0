package be.bruzel.directoryservice.hsds;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

@RestController
@RequestMapping("/api/directory/hsds")
@Tag(name = "HSDS", description = "Exchange with other social maps in Open Referral HSDS 3.0, as JSON or as CSV tables in a zip")
class HsdsController {

    static final String ZIP = "application/zip";

    private final HsdsImport hsds;

    HsdsController(HsdsImport hsds) {
        this.hsds = hsds;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Import an HSDS JSON data set (administrators): all or nothing, idempotent by id",
            description = "A rejected record rejects the whole set with a 422 problem listing every record and why. "
                    + "With dryRun=true the report is computed and nothing is stored.")
    ImportReport importJson(@AuthenticationPrincipal Caller caller, @RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return importRead(caller, dryRun, () -> HsdsJson.read(body));
    }

    @PostMapping(consumes = ZIP)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Import HSDS CSV tables in a zip (administrators): organizations.csv, services.csv, ...")
    ImportReport importTables(@AuthenticationPrincipal Caller caller, @RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return importRead(caller, dryRun, () -> HsdsTables.read(body));
    }

    /** Unreadable bytes are the caller's mistake: a 400 naming what could not be read. */
    private ImportReport importRead(Caller caller, boolean dryRun, Supplier<HsdsDataSet> reading) {
        HsdsDataSet dataSet;
        try {
            dataSet = reading.get();
        } catch (JacksonException unreadable) {
            throw unreadable(unreadable.getOriginalMessage());
        } catch (IllegalArgumentException unreadable) {
            throw unreadable(unreadable.getMessage());
        }
        return hsds.importDataSet(caller.userId(), dataSet, dryRun);
    }

    private static RejectedRequestException unreadable(String why) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, "hsds.unreadable", "body", why);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the whole directory as an HSDS JSON data set")
    ResponseEntity<byte[]> exportJson() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(HsdsJson.write(hsds.export()));
    }

    @GetMapping(produces = ZIP)
    @Operation(summary = "Export the whole directory as HSDS CSV tables in a zip")
    ResponseEntity<byte[]> exportTables() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"social-map-hsds.zip\"")
                .body(HsdsTables.zip(hsds.export()));
    }
}

package be.bruzel.directoryservice.hsds;

import be.bruzel.platform.support.paging.NextPage;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@Tag(
        name = "HSDS",
        description = "Exchange with other social maps in Open Referral HSDS 3.0, as JSON or as CSV tables in a zip")
class HsdsController {

    static final String ZIP = "application/zip";

    private final HsdsImport hsds;
    private final ZipLimits zipLimits;

    HsdsController(HsdsImport hsds, ZipLimits zipLimits) {
        this.hsds = hsds;
        this.zipLimits = zipLimits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Import an HSDS 3.0 JSON data set (administrators): all or nothing, idempotent by id",
            description = "The platform's export, an array of services or a page of the HSDS API. A set that breaks "
                    + "the HSDS 3.0 schema is refused with a 422 problem listing the schema's errors by JSON pointer; "
                    + "a record the platform cannot take rejects the whole set with a 422 problem listing every "
                    + "record and why. The report lists what the platform does not keep (notKept). "
                    + "With dryRun=true the report is computed and nothing is stored.")
    ImportReport importJson(
            @AuthenticationPrincipal Caller caller,
            @RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return importRead(caller, dryRun, () -> HsdsJson.received(body));
    }

    @PostMapping(consumes = ZIP)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Import HSDS 3.0 CSV tables in a zip (administrators): organizations.csv, services.csv, ...",
            description = "The tabular form of the HSDS schema; checked, imported and reported as the JSON form.")
    ImportReport importTables(
            @AuthenticationPrincipal Caller caller,
            @RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return importRead(caller, dryRun, () -> HsdsTables.read(body, zipLimits));
    }

    /** Unreadable bytes are the caller's mistake: a 400 naming what could not be read. */
    private ImportReport importRead(Caller caller, boolean dryRun, Supplier<HsdsJson.Received> reading) {
        HsdsJson.Received dataSet;
        try {
            dataSet = reading.get();
        } catch (JacksonException unreadable) {
            throw unreadable(unreadable.getOriginalMessage());
        } catch (ZipLimits.Exceeded tooLarge) {
            throw new RejectedRequestException(
                    HttpStatus.CONTENT_TOO_LARGE, "hsds.too-large", "body", tooLarge.getMessage());
        } catch (IllegalArgumentException unreadable) {
            throw unreadable(unreadable.getMessage());
        }
        return hsds.importReceived(caller.userId(), dataSet, dryRun);
    }

    private static RejectedRequestException unreadable(String why) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, "hsds.unreadable", "body", why);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Export the directory as an HSDS JSON data set, a page of organisations (by name) at a time "
                    + "with their locations and services; a full page links to the next")
    ResponseEntity<byte[]> exportJson(
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int size) {
        HsdsDataSet dataSet = hsds.export(page, size);
        return NextPage.ok(request, dataSet.organizations().size() >= size, page)
                .contentType(MediaType.APPLICATION_JSON)
                .body(HsdsJson.write(dataSet));
    }

    @GetMapping(produces = ZIP)
    @Operation(summary = "Export the directory as HSDS CSV tables in a zip, a page of organisations at a time")
    ResponseEntity<byte[]> exportTables(
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int size) {
        HsdsDataSet dataSet = hsds.export(page, size);
        return NextPage.ok(request, dataSet.organizations().size() >= size, page)
                .contentType(MediaType.parseMediaType(ZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"social-map-hsds-" + page + ".zip\"")
                .body(HsdsTables.zip(dataSet));
    }
}

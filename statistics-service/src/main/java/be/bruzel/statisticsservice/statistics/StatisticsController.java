package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics", description = "How referral works per municipality, care zone, theme and organisation")
class StatisticsController {

    private static final String DESCRIPTION = """
            Grouped by `by` (municipality, district, care-zone, theme, organisation, profession, none), per
            `period` (month, quarter, year) from `from` to `to` (YYYY-MM, whole periods), filtered by
            `municipality`, `district`, `careZone`, `theme`, `organisation`, `profession`. A referral counts where
            the person lived, in the care zone of that day, in the month it was submitted. Counts from 1 to 4
            are suppressed, and so is one more cell of any sum that would reveal them. BruZEL analysts see the
            region, zone analysts their zone, organisations and referrers their own referrals.""";

    private final Statistics statistics;
    private final StatisticsCsv csv;
    private final StatisticsRebuild rebuild;
    private final Indicators indicators;

    StatisticsController(Statistics statistics, StatisticsCsv csv, StatisticsRebuild rebuild, Indicators indicators) {
        this.statistics = statistics;
        this.csv = csv;
        this.rebuild = rebuild;
        this.indicators = indicators;
    }

    @GetMapping(path = "/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ORGANISATION_WORKER', 'REFERRER')")
    @Operation(summary = "Referral statistics (JSON)", description = DESCRIPTION)
    StatisticsReport referrals(
            @AuthenticationPrincipal Caller caller, @ModelAttribute StatisticsRequest request, Locale locale) {
        return statistics.report(caller, request, locale);
    }

    @GetMapping(path = "/referrals", produces = StatisticsCsv.MEDIA_TYPE)
    @PreAuthorize("hasAnyRole('ANALYST', 'ORGANISATION_WORKER', 'REFERRER')")
    @Operation(summary = "Referral statistics (CSV, headers in the caller's language)", description = DESCRIPTION)
    ResponseEntity<String> referralsAsCsv(
            @AuthenticationPrincipal Caller caller, @ModelAttribute StatisticsRequest request, Locale locale) {
        String body = csv.write(statistics.report(caller, request, locale), locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"referral-statistics.csv\"")
                .body(body);
    }

    @GetMapping(path = "/needs", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "Answers to a zone's needs questionnaire (analysts)", description = """
                    For the questionnaire `questionnaire` (its code), per municipality where the person lived and per
                    `period` (month, quarter, year) from `from` to `to` (YYYY-MM), optionally in one `careZone` or
                    `municipality`: the submissions that answered it, those with an other need no option names
                    (indicator 3), and each option by its code, all versions together. Counts from 1 to 4 are
                    suppressed with one more cell of any sum that would reveal them, and what is shown is perturbed.
                    Zone analysts see their zone, BruZEL's analysts the region.""")
    NeedsReport needs(@AuthenticationPrincipal Caller caller, @ModelAttribute NeedsRequest request, Locale locale) {
        return statistics.needs(caller, request, locale);
    }

    @GetMapping(path = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "BruZEL's 16 indicators for a care zone and range of months (analysts)", description = """
                    Each indicator of OD 3.3 with its number and the figures that measure it, for `careZone` (a zone
                    analyst: their own; BruZEL's: any, or none for the region) from `from` to `to` (YYYY-MM), in the
                    caller's language; counts protected as the referral statistics protect theirs. With
                    `Accept: text/csv`, the same as a spreadsheet.""")
    IndicatorsReport indicators(
            @AuthenticationPrincipal Caller caller, @ModelAttribute IndicatorsRequest request, Locale locale) {
        return indicators.report(caller, request, locale);
    }

    @GetMapping(path = "/indicators", produces = StatisticsCsv.MEDIA_TYPE)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "BruZEL's 16 indicators (CSV, in the caller's language)")
    ResponseEntity<String> indicatorsAsCsv(
            @AuthenticationPrincipal Caller caller, @ModelAttribute IndicatorsRequest request, Locale locale) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicators.csv\"")
                .body(csv.write(indicators.report(caller, request, locale), locale));
    }

    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Rebuild the statistics from the event log (administrators)",
            description = "Empties the statistics store and replays referral.events from its first record. "
                    + "Figures grow back while it runs.")
    ResponseEntity<StatisticsRebuild.Status> startRebuild() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/rebuild")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "How the last rebuild of the statistics went (administrators)")
    StatisticsRebuild.Status rebuildStatus() {
        return rebuild.status();
    }
}

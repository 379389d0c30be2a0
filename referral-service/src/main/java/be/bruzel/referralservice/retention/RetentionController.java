package be.bruzel.referralservice.retention;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.referralservice.referral.Periods;
import be.bruzel.referralservice.referral.ReferralRetention;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals/retention")
@Validated
@Tag(name = "Privacy", description = "Who read a person's data, and who tried to")
class RetentionController {

    private static final int MOST_DAYS = 3660;

    private final ReferralRetention retention;
    private final Clock clock;

    RetentionController(ReferralRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "What the retention will do within a period: referrals to erase and to expire (ids only)",
            description =
                    "within: an ISO period such as P30D (at most ten years); limit: how many ids of each to list.")
    ReferralRetention.Preview preview(
            @RequestParam(defaultValue = "P30D") String within,
            @RequestParam(defaultValue = "1000") @Min(0) @Max(10_000) int limit) {
        return retention.preview(Periods.after(clock.instant(), period(within)), limit);
    }

    private static Period period(String text) {
        try {
            Period period = Period.parse(text);
            long days = period.toTotalMonths() * 31 + period.getDays();
            if (!period.isNegative() && days >= 1 && days <= MOST_DAYS) {
                return period;
            }
        } catch (DateTimeParseException notAPeriod) {
            // answered below, as any period out of range
        }
        throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "retention.within.invalid", "within");
    }
}

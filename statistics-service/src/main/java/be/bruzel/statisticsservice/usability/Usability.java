package be.bruzel.statisticsservice.usability;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.statisticsservice.pseudonyms.Pseudonyms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is offered the usability survey, what they answered, and the average the statistics may show. */
@Service
public class Usability {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /**
     * The answers of a period.
     *
     * @param average none when there were none
     */
    public record Summary(int answers, BigDecimal average) {

        /** The average to one decimal, or none. */
        public Double rounded() {
            return average == null
                    ? null
                    : average.setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
    }

    private final UsabilityResponses responses;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Period every;

    Usability(
            UsabilityResponses responses,
            Pseudonyms pseudonyms,
            Clock clock,
            @Value("${platform.usability.every:P6M}") Period every) {
        this.responses = responses;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.every = every;
    }

    /** Whether the caller is to be offered the survey now: never answered nor declined within the period. */
    boolean isDue(Caller caller) {
        Instant since = clock.instant().atZone(BRUSSELS).minus(every).toInstant();
        return responses
                .lastResponse(pseudonyms.of(caller.userId()))
                .map(last -> last.isBefore(since))
                .orElse(true);
    }

    /** Their answers, scored; none: they declined. Either way they are not offered it again for the period. */
    @Transactional
    Double respond(Caller caller, List<Integer> answers) {
        SusScore score = answers == null ? null : SusScore.of(answers);
        responses.add(pseudonyms.of(caller.userId()), roleOf(caller), clock.instant(), score);
        return score == null ? null : score.value();
    }

    /** The answers given from {@code from} until before {@code to}, all users together. */
    public Summary between(Instant from, Instant to) {
        return responses.between(from, to);
    }

    /** The role the answer speaks for: the first the caller has, in the order of the roles. */
    private static String roleOf(Caller caller) {
        return Arrays.stream(Role.values())
                .filter(caller::has)
                .findFirst()
                .map(Role::name)
                .orElse("NONE");
    }
}

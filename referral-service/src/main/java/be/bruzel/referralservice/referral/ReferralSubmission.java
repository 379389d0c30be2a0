package be.bruzel.referralservice.referral;

import be.bruzel.platform.directorycopy.Residence;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.duplicates.Duplicates;
import be.bruzel.referralservice.duplicates.OpenReferral;
import be.bruzel.referralservice.duplicates.PersonKey;
import be.bruzel.referralservice.questionnaire.ZoneQuestionnaires;
import be.bruzel.referralservice.routing.Receiver;
import be.bruzel.referralservice.routing.ReferralRouting;
import be.bruzel.referralservice.routing.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes each theme of a submission, stores one referral per receiver and, in the same
 * transaction, the events that announce them. A retry with the same Idempotency-Key returns what
 * the first attempt stored.
 */
@Service
public class ReferralSubmission {

    private static final Logger log = LoggerFactory.getLogger(ReferralSubmission.class);

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a submission stored; {@code replayed} when a retry found it already there. */
    public record Submission(UUID id, List<Referral> referrals, boolean replayed) {}

    private final Referrals referrals;
    private final ReferralRouting routing;
    private final Transitions transitions;
    private final Duplicates duplicates;
    private final ZoneQuestionnaires questionnaires;
    private final Clock clock;

    ReferralSubmission(
            Referrals referrals,
            ReferralRouting routing,
            Transitions transitions,
            Duplicates duplicates,
            ZoneQuestionnaires questionnaires,
            Clock clock) {
        this.referrals = referrals;
        this.routing = routing;
        this.transitions = transitions;
        this.duplicates = duplicates;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    @Transactional
    public Submission submit(Caller caller, Optional<String> idempotencyKey, SubmitReferral request) {
        UUID submissionId = UUID.randomUUID();
        Instant now = clock.instant();
        if (idempotencyKey.isPresent()) {
            Optional<UUID> earlier = claim(
                    caller.userId(), idempotencyKey.get(), hash(request.whateverTheOpenReferrals()), submissionId, now);
            if (earlier.isPresent()) {
                return new Submission(earlier.get(), referrals.ofSubmission(earlier.get()), true);
            }
        }
        LocalDate today = LocalDate.ofInstant(now, BRUSSELS);
        Integer yearOfBirth = request.person().yearOfBirth();
        if (yearOfBirth != null && yearOfBirth > today.getYear()) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST,
                    "referral.person.year-of-birth.future",
                    "person.yearOfBirth",
                    String.valueOf(yearOfBirth));
        }
        Residence residence =
                routing.residence(request.person().postcode(), request.person().municipality(), today);
        routing.requireActive(request.themes());
        request.choiceOnAnotherTheme().ifPresent(theme -> {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "referral.choices.other-theme", "choices", theme);
        });
        List<String> themes = request.themes().stream().distinct().toList();
        Optional<ZoneQuestionnaires.Answered> answered = Optional.ofNullable(request.questionnaire())
                .map(given -> questionnaires.answer(given, residence.municipalityNis(), today));
        Referral.Person person = request.toPerson(
                answered.map(ZoneQuestionnaires.Answered::facts).orElse(Map.of()));
        ReferralSubmitted.Answers coded = answered.map(given -> new ReferralSubmitted.Answers(
                        given.answers().questionnaireCode(),
                        given.answers().version(),
                        given.answers().optionCodes(),
                        given.answers().otherNeed() != null,
                        given.otherNeedOption()))
                .orElse(null);
        PersonKey personKey = duplicates.keyOf(person.name(), person.phone(), person.email());
        if (request.asksAboutOpenReferrals()) {
            List<OpenReferral> open = duplicates.openFor(caller, personKey, themes);
            if (!open.isEmpty()) {
                throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.open-referral", null, open.size())
                        .withProperty("openReferrals", open);
            }
        }
        Map<Receiver, List<Route>> byReceiver = new LinkedHashMap<>();
        for (String theme : themes) {
            Route route = routing.route(
                    residence, theme, person.preferredLanguage(), person.facts(), today, request.choiceFor(theme));
            byReceiver
                    .computeIfAbsent(route.receiver(), receiver -> new ArrayList<>())
                    .add(route);
        }
        Referral.Referrer referrer = new Referral.Referrer(
                caller.userId(), caller.displayName(), caller.profession().orElse(null));
        List<Referral> stored = new ArrayList<>();
        byReceiver.forEach((receiver, routes) -> {
            Transition submitted = Referral.submit(
                    submissionId,
                    referrer,
                    person,
                    new Referral.Residence(
                            request.person().postcode(),
                            residence.municipalityNis(),
                            residence.areaId(),
                            residence.careZoneCode()),
                    routes.stream().map(Route::themeCode).toList(),
                    request.question().strip(),
                    request.urgencyOrRoutine(),
                    request.toContactPreference(),
                    new Referral.Consent(
                            request.consent().method(),
                            request.consent().givenAt(),
                            Boolean.TRUE.equals(request.consent().askAfterwards())),
                    receiver,
                    coded,
                    now);
            Referral referral = submitted.referral();
            referrals.add(referral, routes);
            transitions.record(referral.id(), submitted, Transitions.Actor.referrer(caller.userId()), null, now);
            stored.add(referral);
        });
        duplicates.keep(stored.stream().map(Referral::id).toList(), personKey);
        answered.ifPresent(
                answers -> questionnaires.keep(stored.stream().map(Referral::id).toList(), answers.answers()));
        log.info(
                "Submission {}: {} referral(s) on {} theme(s)",
                submissionId,
                stored.size(),
                request.themes().size());
        return new Submission(submissionId, stored, false);
    }

    /**
     * Claims the key for this submission, or finds the submission that claimed it. A concurrent
     * twin waits on the key's row and then finds it taken.
     */
    private Optional<UUID> claim(String referrerId, String key, String requestHash, UUID submissionId, Instant now) {
        return referrals
                .claimIdempotencyKey(referrerId, key, requestHash, submissionId, now)
                .map(earlier -> {
                    if (!earlier.requestHash().equals(requestHash)) {
                        throw new RejectedRequestException(
                                HttpStatus.UNPROCESSABLE_CONTENT, "referral.idempotency-key.reused", "Idempotency-Key");
                    }
                    return earlier.submissionId();
                });
    }

    private static String hash(SubmitReferral request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package be.bruzel.referralservice.questionnaire;

import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.support.problem.RejectedRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;

/**
 * One version of a questionnaire. A draft may be edited; once published it is fixed, and takes over from the
 * version before it on its {@code validFrom}; withdrawn, it is no longer asked nor answered.
 *
 * @param municipalities the NIS codes of the municipalities where it is asked; empty: the whole zone
 * @param validFrom from which day a published version is asked; none for a draft
 */
public record Questionnaire(
        String code,
        int version,
        Text title,
        List<String> municipalities,
        List<Question> questions,
        Status status,
        LocalDate validFrom,
        Instant changedAt,
        String changedBy) {

    /** The code of a questionnaire, a question or an option. */
    public static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";

    public enum Status {
        DRAFT,
        PUBLISHED,
        WITHDRAWN
    }

    /** A text in both languages of Brussels. */
    public record Text(
            @NotBlank @Size(max = 300) String nl,
            @NotBlank @Size(max = 300) String fr) {}

    /** @param multiple more than one option may be chosen */
    public record Question(
            @NotNull @Pattern(regexp = CODE) String code,
            @NotNull @Valid Text text,
            Boolean multiple,
            @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid Option> options) {
        public Question {
            // Left out: one answer.
            multiple = Boolean.TRUE.equals(multiple);
            options = List.copyOf(options);
        }
    }

    /**
     * @param themes the themes it suggests
     * @param fact what choosing it says of the person; none if nothing
     * @param otherNeed the "other need" option: the referrer says in a few words what the need is
     */
    public record Option(
            @NotNull @Pattern(regexp = CODE) String code,
            @NotNull @Valid Text text,
            @Size(max = 5) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String> themes,
            @Valid FactMark fact,
            Boolean otherNeed) {
        public Option {
            otherNeed = Boolean.TRUE.equals(otherNeed);
            themes = themes == null ? List.of() : List.copyOf(themes);
        }
    }

    /** Choosing the option says that this fact is true, or false, of the person. */
    public record FactMark(@NotNull Fact fact, @NotNull Boolean value) {}

    /** What a referrer answered, checked against the version, in codes. */
    public record Answers(String questionnaireCode, int version, List<String> optionCodes, String otherNeed) {
        public Answers {
            optionCodes = List.copyOf(optionCodes);
        }
    }

    public Questionnaire {
        municipalities = List.copyOf(municipalities);
        questions = List.copyOf(questions);
        Objects.requireNonNull(status, "status");
    }

    /** A new draft; its questions must make sense. */
    static Questionnaire draft(
            String code,
            int version,
            Text title,
            List<String> municipalities,
            List<Question> questions,
            Instant now,
            String by) {
        requireSound(questions);
        return new Questionnaire(
                code,
                version,
                title,
                municipalities.stream().distinct().sorted().toList(),
                questions,
                Status.DRAFT,
                null,
                now,
                by);
    }

    /** The draft with other content; a published or withdrawn version is never edited. */
    Questionnaire edit(Text title, List<String> municipalities, List<Question> questions, Instant now, String by) {
        requireDraft();
        return draft(code, version, title, municipalities, questions, now, by);
    }

    /** Published from a day, today at the earliest: what was asked before it is not rewritten. */
    Questionnaire publish(LocalDate from, LocalDate today, Instant now, String by) {
        requireDraft();
        if (from.isBefore(today)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "questionnaire.valid-from.past", "validFrom");
        }
        return new Questionnaire(code, version, title, municipalities, questions, Status.PUBLISHED, from, now, by);
    }

    /** No longer asked nor answered; the answers already given stay. */
    Questionnaire withdraw(Instant now, String by) {
        if (status != Status.PUBLISHED) {
            throw new RejectedRequestException(
                    HttpStatus.CONFLICT, "questionnaire.withdraw.not-published", null, code, version);
        }
        return new Questionnaire(code, version, title, municipalities, questions, Status.WITHDRAWN, validFrom, now, by);
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new RejectedRequestException(
                    HttpStatus.CONFLICT, "questionnaire.published.fixed", null, code, version);
        }
    }

    public boolean covers(String municipalityNis) {
        return municipalities.isEmpty() || municipalities.contains(municipalityNis);
    }

    /** Checks what a referrer answered: options of this version only, one per single-choice question. */
    Answers answer(List<String> optionCodes, String otherNeed) {
        Map<String, Question> questionOf = new LinkedHashMap<>();
        Map<String, Option> options = new LinkedHashMap<>();
        for (Question question : questions) {
            for (Option option : question.options()) {
                questionOf.put(option.code(), question);
                options.put(option.code(), option);
            }
        }
        List<String> chosen = optionCodes.stream().distinct().toList();
        for (int index = 0; index < optionCodes.size(); index++) {
            if (!options.containsKey(optionCodes.get(index))) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST,
                        "questionnaire.option.unknown",
                        "questionnaire.answers[" + index + "]",
                        optionCodes.get(index),
                        code,
                        version);
            }
        }
        Set<String> answered = new HashSet<>();
        for (String option : chosen) {
            Question question = questionOf.get(option);
            if (!question.multiple() && !answered.add(question.code())) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST,
                        "questionnaire.answers.one-only",
                        "questionnaire.answers",
                        question.code());
            }
        }
        boolean otherChosen = otherNeedAmong(chosen).isPresent();
        String said = otherNeed == null || otherNeed.isBlank() ? null : otherNeed.strip();
        if (otherChosen && said == null) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "questionnaire.other-need.required", "questionnaire.otherNeed");
        }
        if (!otherChosen && said != null) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "questionnaire.other-need.without-option", "questionnaire.otherNeed");
        }
        return new Answers(code, version, chosen, said);
    }

    /** The chosen option that stands for a need none of the others names; none if it was not chosen. */
    Optional<String> otherNeedAmong(List<String> optionCodes) {
        return questions.stream()
                .flatMap(question -> question.options().stream())
                .filter(option -> option.otherNeed() && optionCodes.contains(option.code()))
                .map(Option::code)
                .findFirst();
    }

    /** What the chosen options say of the person; two that contradict each other say nothing of that fact. */
    public Map<Fact, Boolean> factsOf(Collection<String> optionCodes) {
        Map<Fact, Boolean> facts = new LinkedHashMap<>();
        Set<Fact> contradicted = new HashSet<>();
        options()
                .filter(option -> optionCodes.contains(option.code()) && option.fact() != null)
                .map(Option::fact)
                .forEach(mark -> {
                    Boolean before = facts.putIfAbsent(mark.fact(), mark.value());
                    if (before != null && !before.equals(mark.value())) {
                        contradicted.add(mark.fact());
                    }
                });
        contradicted.forEach(facts::remove);
        return facts;
    }

    /** The chosen options with their questions, for whoever reads the referral. */
    List<AnsweredQuestionnaire.Answer> answered(Collection<String> optionCodes) {
        List<AnsweredQuestionnaire.Answer> lines = new ArrayList<>();
        for (Question question : questions) {
            for (Option option : question.options()) {
                if (optionCodes.contains(option.code())) {
                    lines.add(new AnsweredQuestionnaire.Answer(option.code(), question.text(), option.text()));
                }
            }
        }
        return lines;
    }

    private Stream<Option> options() {
        return questions.stream().flatMap(question -> question.options().stream());
    }

    /** Codes unique (options across the whole version, so an answer is one code), one "other need" at most. */
    private static void requireSound(List<Question> questions) {
        Set<String> questionCodes = new HashSet<>();
        Set<String> optionCodes = new HashSet<>();
        int others = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            if (!questionCodes.add(question.code())) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST,
                        "questionnaire.code.twice",
                        "questions[" + q + "].code",
                        question.code());
            }
            for (int o = 0; o < question.options().size(); o++) {
                Option option = question.options().get(o);
                String field = "questions[" + q + "].options[" + o + "]";
                if (!optionCodes.add(option.code())) {
                    throw new RejectedRequestException(
                            HttpStatus.BAD_REQUEST, "questionnaire.code.twice", field + ".code", option.code());
                }
                if (option.otherNeed() && ++others > 1) {
                    throw new RejectedRequestException(
                            HttpStatus.BAD_REQUEST, "questionnaire.other-need.once", field + ".otherNeed");
                }
            }
        }
    }
}

package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.statistics.ReferralFact.State;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a referral adds to the counts: where it stands, how it ended (once completed) and seven
 * things that did or did not happen to it. Referrals of the same signature count alike, so a scan
 * counts signatures, and {@link Figure} says once which figures each one adds to. As one number
 * ({@link #code}), below {@value #CODES}.
 *
 * @param outcome how a completed referral ended; none while it is not, or for a code this service does not know
 */
record Signature(
        State state,
        Outcome outcome,
        boolean accepted,
        boolean reached,
        boolean unmetNeed,
        boolean overdue,
        boolean escalated,
        boolean personAnswered,
        boolean personSaysContacted) {

    /** The outcomes of {@code referral.completed}. */
    enum Outcome {
        SOLVED,
        PARTLY_SOLVED,
        REFERRED_ON,
        PERSON_DECLINED,
        UNREACHABLE
    }

    private static final State[] STATES = State.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Map<String, Outcome> BY_CODE =
            Arrays.stream(OUTCOMES).collect(Collectors.toMap(Outcome::name, Function.identity()));
    private static final int FLAGS = 128;
    static final int CODES = STATES.length * (OUTCOMES.length + 1) * FLAGS;

    static Signature of(ReferralFact fact) {
        State state = fact.state();
        Outcome outcome = state == State.COMPLETED && fact.outcome() != null ? BY_CODE.get(fact.outcome()) : null;
        return new Signature(
                state,
                outcome,
                fact.acceptedAt() != null,
                fact.firstContactAt() != null,
                fact.unmetNeed(),
                fact.remindedAt() != null,
                fact.escalatedAt() != null,
                fact.personContacted() != null,
                Boolean.TRUE.equals(fact.personContacted()));
    }

    static Signature of(int code) {
        int flags = code % FLAGS;
        int outcome = code / FLAGS % (OUTCOMES.length + 1) - 1;
        return new Signature(
                STATES[code / FLAGS / (OUTCOMES.length + 1)],
                outcome < 0 ? null : OUTCOMES[outcome],
                (flags & 1) != 0,
                (flags & 2) != 0,
                (flags & 4) != 0,
                (flags & 8) != 0,
                (flags & 16) != 0,
                (flags & 32) != 0,
                (flags & 64) != 0);
    }

    int code() {
        int flags = (accepted ? 1 : 0)
                | (reached ? 2 : 0)
                | (unmetNeed ? 4 : 0)
                | (overdue ? 8 : 0)
                | (escalated ? 16 : 0)
                | (personAnswered ? 32 : 0)
                | (personSaysContacted ? 64 : 0);
        return (state.ordinal() * (OUTCOMES.length + 1) + (outcome == null ? 0 : outcome.ordinal() + 1)) * FLAGS
                + flags;
    }

    boolean endedAs(Outcome... outcomes) {
        return outcome != null && Arrays.asList(outcomes).contains(outcome);
    }
}

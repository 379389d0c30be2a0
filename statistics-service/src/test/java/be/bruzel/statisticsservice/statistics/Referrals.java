package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Grain;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The statistics store of a unit test: referrals in memory, changed as the projection would change
 * them, counted by a real {@link ReferralFacts}; no Spring, no database.
 */
final class Referrals implements ReferralFacts.Source {

    static final Instant JANUARY = Instant.parse("2025-01-06T09:00:00Z");
    static final Instant FEBRUARY = Instant.parse("2025-02-03T09:00:00Z");

    /** A referral as the store has it; submitted in Jette on finances by {@code gp.jette}, to OCMW Jette. */
    static final class Referral {
        Instant submittedAt;
        String municipality = "21010";
        List<String> themes = List.of("finances");
        String referrer = "gp.jette";
        Instant acceptedAt;
        Instant cancelledAt;
        Instant completedAt;
        String outcome;
        boolean logged;
        Boolean personContacted;
        Integer personScore;
        long revision;

        Referral acceptedAfter(Duration after) {
            acceptedAt = submittedAt.plus(after);
            return this;
        }

        Referral completed(String outcome) {
            completedAt = submittedAt.plus(Duration.ofDays(2));
            this.outcome = outcome;
            return this;
        }

        /** Made outside the platform and logged by its referrer. */
        Referral logged() {
            logged = true;
            return this;
        }

        /** The person answered the link they were sent. */
        Referral personAnswered(boolean contacted, Integer score) {
            personContacted = contacted;
            personScore = score;
            return this;
        }

        Referral cancelled() {
            cancelledAt = submittedAt.plus(Duration.ofHours(1));
            return this;
        }

        private ReferralFact fact(int position) {
            return new ReferralFact(
                    position,
                    submittedAt,
                    municipality,
                    municipality,
                    "noord",
                    themes,
                    referrer,
                    "general-practitioner",
                    "ocmw-jette",
                    false,
                    logged,
                    acceptedAt,
                    null,
                    0,
                    0,
                    null,
                    cancelledAt,
                    null,
                    completedAt,
                    outcome,
                    null,
                    null,
                    null,
                    null,
                    personContacted,
                    personScore,
                    revision,
                    position % 256);
        }
    }

    private final List<Referral> referrals = new ArrayList<>();
    private final int snapshotAfter;
    final ReferralFacts facts;
    private long revision;
    private int rowsGiven;
    private byte[] snapshot;
    private long snapshotRevision;

    Referrals() {
        this(Integer.MAX_VALUE);
    }

    /** A store whose instances keep a snapshot once they have read {@code snapshotAfter} rows. */
    Referrals(int snapshotAfter) {
        this.snapshotAfter = snapshotAfter;
        this.facts = anotherInstance();
    }

    /** A new instance that neither reads nor keeps a snapshot. */
    ReferralFacts anInstanceReadingEveryRow() {
        Referrals store = this;
        return new ReferralFacts(
                new ReferralFacts.Source() {
                    @Override
                    public int changedSince(long revision, Consumer<ReferralFact> row) {
                        return store.changedSince(revision, row);
                    }

                    @Override
                    public Optional<byte[]> snapshot() {
                        return Optional.empty();
                    }

                    @Override
                    public void keep(int generation, long revision, byte[] snapshot) {}
                },
                Integer.MAX_VALUE);
    }

    /** The copy of a new instance of the service, started over this store. */
    ReferralFacts anotherInstance() {
        return new ReferralFacts(this, snapshotAfter);
    }

    int submit(Instant at, Consumer<Referral> what) {
        Referral referral = new Referral();
        referral.submittedAt = at;
        what.accept(referral);
        referral.revision = ++revision;
        referrals.add(referral);
        return referrals.size();
    }

    void submit(int times, Instant at, Consumer<Referral> what) {
        for (int i = 0; i < times; i++) {
            submit(at, what);
        }
    }

    /** What an event does to a referral: its row changes, with a new revision. */
    void change(int position, Consumer<Referral> change) {
        Referral referral = referrals.get(position - 1);
        change.accept(referral);
        referral.revision = ++revision;
    }

    Tally tally(Dimension by, String from, String to) {
        return tally(facts, by, from, to);
    }

    static Tally tally(ReferralFacts facts, Dimension by, String from, String to) {
        return facts.tally(new StatisticsQuery(by, Grain.MONTH, YearMonth.parse(from), YearMonth.parse(to), Map.of()));
    }

    /** How many rows the instances have read from this store so far. */
    int rowsGiven() {
        return rowsGiven;
    }

    long snapshotRevision() {
        return snapshot == null ? 0 : snapshotRevision;
    }

    void corruptSnapshot() {
        snapshot = new byte[] {1, 2, 3};
    }

    @Override
    public Optional<byte[]> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public synchronized void keep(int generation, long revision, byte[] content) {
        if (snapshot == null || revision > snapshotRevision) {
            snapshot = content;
            snapshotRevision = revision;
        }
    }

    @Override
    public int changedSince(long since, Consumer<ReferralFact> row) {
        List<Integer> changed = new ArrayList<>();
        for (int position = 1; position <= referrals.size(); position++) {
            if (referrals.get(position - 1).revision > since) {
                changed.add(position);
            }
        }
        changed.stream()
                .sorted(Comparator.comparingLong(position -> referrals.get(position - 1).revision))
                .forEach(position -> {
                    rowsGiven++;
                    row.accept(referrals.get(position - 1).fact(position));
                });
        return 1;
    }
}

package be.bruzel.referralservice.statistics;

import be.bruzel.referralservice.statistics.StatisticsQuery.Dimension;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the statistics store, in columns of codes, so that a year of a million
 * referrals is counted in one pass of some tens of milliseconds, with exact medians and exact
 * numbers of distinct referrers. Before each count it reads what changed in the store since it last looked
 * (a rebuild makes it read the store afresh). About 70 bytes a referral.
 */
@Component
class ReferralFacts {

    private static final List<Figure> OUTCOMES = List.of(Figure.SOLVED, Figure.PARTLY_SOLVED, Figure.REFERRED_ON,
            Figure.PERSON_DECLINED, Figure.UNREACHABLE);
    private static final List<String> OUTCOME_CODES = OUTCOMES.stream().map(Figure::name).toList();
    private static final int ACCEPTED = 1;
    private static final int UNMET_NEED = 2;
    private static final int OVERDUE = 4;
    private static final int ESCALATED = 8;
    private static final int REACHED = 16;
    private static final int FLAGS = 32;
    private static final int NONE = -1;
    private static final int COUNTS_KEPT = 32;
    private static final ReferralFact.State[] STATES = ReferralFact.State.values();
    /** A referral's state, outcome (or none) and flags, as one number. */
    static final int SIGNATURES = STATES.length * (OUTCOMES.size() + 1) * FLAGS;
    private static final List<List<Figure>> COUNTED_BY = signatures();

    private static final Logger log = LoggerFactory.getLogger(ReferralFacts.class);

    private final StatisticsStore store;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** The last counts made, for as long as nothing changed; the least recently asked go first. */
    private final Map<StatisticsQuery, Tally> counted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StatisticsQuery, Tally> eldest) {
            return size() > COUNTS_KEPT;
        }
    };

    private int generation = NONE;
    private long revision;
    private int size;
    private final Map<Dimension, Codes> codes = new EnumMap<>(Dimension.class);
    private final Map<List<String>, int[]> themeSets = new HashMap<>();
    private int[] month = new int[0];
    /** The code of each referral in each dimension but themes, by the dimension's ordinal. */
    private int[][] columns = new int[Dimension.values().length][0];
    private int[][] themes = new int[0][];
    private short[] signature = new short[0];
    private final int[] signatureNumbers = new int[SIGNATURES];
    private final List<Integer> signatureTable = new ArrayList<>();
    private int[] toAcceptance = new int[0];
    private int[] toFirstContact = new int[0];
    private short[] toAcceptanceBin = new short[0];
    private short[] toFirstContactBin = new short[0];
    private int[] attempts = new int[0];
    private int[] attemptsReached = new int[0];
    private byte[] referrerScore = new byte[0];
    private byte[] organisationScore = new byte[0];
    private byte[] recordKey = new byte[0];

    ReferralFacts(StatisticsStore store) {
        this.store = store;
        clear();
    }

    /** Reads the store once the service is up, so the first question does not wait for a million rows. */
    @EventListener(ApplicationReadyEvent.class)
    void readTheStoreInTheBackground() {
        Thread.ofVirtual().name("statistics-load").start(() -> {
            long started = System.nanoTime();
            refresh();
            log.info("Statistics: {} referrals read from the store in {} ms", size,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Counts the referrals the query asks for, as the store has them now. Until the store changes,
     * the same question gets the same count without a new scan (dashboards ask the same again and again).
     */
    Tally tally(StatisticsQuery query) {
        refresh();
        lock.readLock().lock();
        try {
            synchronized (counted) {
                Tally known = counted.get(query);
                if (known != null) {
                    return known;
                }
            }
            Tally tally = count(query);
            synchronized (counted) {
                counted.put(query, tally);
            }
            return tally;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void refresh() {
        lock.writeLock().lock();
        try {
            int seen = store.changedSince(revision, this::put);
            if (seen != generation) {
                clear();
                generation = seen;
                refresh();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void clear() {
        revision = 0;
        size = 0;
        Arrays.fill(month, NONE);
        Arrays.fill(signatureNumbers, NONE);
        signatureTable.clear();
        themeSets.clear();
        for (Dimension dimension : Dimension.values()) {
            codes.put(dimension, new Codes());
        }
    }

    private void put(ReferralFact fact) {
        synchronized (counted) {
            counted.clear();
        }
        int row = fact.position() - 1;
        ensureCapacity(row + 1);
        size = Math.max(size, row + 1);
        revision = Math.max(revision, fact.revision());
        month[row] = fact.submittedIn().map(ReferralFacts::index).orElse(NONE);
        set(Dimension.MUNICIPALITY, row, fact.municipalityNis());
        set(Dimension.DISTRICT, row, fact.areaId());
        set(Dimension.CARE_ZONE, row, fact.careZoneCode());
        set(Dimension.ORGANISATION, row, fact.organisationId());
        set(Dimension.PROFESSION, row, fact.referrerProfession());
        set(Dimension.REFERRER, row, fact.referrerKey());
        themes[row] = themeSets.computeIfAbsent(fact.themeCodes(), list -> list.stream()
                .mapToInt(codes.get(Dimension.THEME)::of).toArray());
        int flags = (fact.acceptedAt() != null ? ACCEPTED : 0) | (fact.unmetNeed() ? UNMET_NEED : 0)
                | (fact.remindedAt() != null ? OVERDUE : 0) | (fact.escalatedAt() != null ? ESCALATED : 0)
                | (fact.firstContactAt() != null ? REACHED : 0);
        int outcome = fact.state() == ReferralFact.State.COMPLETED ? OUTCOME_CODES.indexOf(fact.outcome()) : NONE;
        int full = (fact.state().ordinal() * (OUTCOMES.size() + 1) + outcome + 1) * FLAGS + flags;
        if (signatureNumbers[full] == NONE) {
            signatureNumbers[full] = signatureTable.size();
            signatureTable.add(full);
        }
        signature[row] = (short) signatureNumbers[full];
        toAcceptance[row] = minutes(fact.timeToAcceptance());
        toFirstContact[row] = minutes(fact.timeToFirstContact());
        toAcceptanceBin[row] = (short) DurationHistogram.binOf(toAcceptance[row]);
        toFirstContactBin[row] = (short) DurationHistogram.binOf(toFirstContact[row]);
        attempts[row] = fact.contactAttempts();
        attemptsReached[row] = fact.contactAttemptsReached();
        referrerScore[row] = (byte) (fact.referrerScore() == null ? 0 : fact.referrerScore());
        organisationScore[row] = (byte) (fact.organisationScore() == null ? 0 : fact.organisationScore());
        recordKey[row] = (byte) fact.recordKey();
    }

    private void set(Dimension dimension, int row, String code) {
        columns[dimension.ordinal()][row] = codes.get(dimension).of(code);
    }

    private void ensureCapacity(int rows) {
        if (rows <= month.length) {
            return;
        }
        int capacity = Math.max(rows, Math.max(1024, month.length * 3 / 2));
        month = Arrays.copyOf(month, capacity);
        Arrays.fill(month, size, capacity, NONE);
        for (int dimension = 0; dimension < columns.length; dimension++) {
            columns[dimension] = Arrays.copyOf(columns[dimension], capacity);
        }
        themes = Arrays.copyOf(themes, capacity);
        signature = Arrays.copyOf(signature, capacity);
        toAcceptance = Arrays.copyOf(toAcceptance, capacity);
        toFirstContact = Arrays.copyOf(toFirstContact, capacity);
        toAcceptanceBin = Arrays.copyOf(toAcceptanceBin, capacity);
        toFirstContactBin = Arrays.copyOf(toFirstContactBin, capacity);
        attempts = Arrays.copyOf(attempts, capacity);
        attemptsReached = Arrays.copyOf(attemptsReached, capacity);
        referrerScore = Arrays.copyOf(referrerScore, capacity);
        organisationScore = Arrays.copyOf(organisationScore, capacity);
        recordKey = Arrays.copyOf(recordKey, capacity);
    }

    private Tally count(StatisticsQuery query) {
        Map<Dimension, Integer> required = new EnumMap<>(Dimension.class);
        for (Map.Entry<Dimension, String> filter : query.filters().entrySet()) {
            Optional<Integer> code = codes.get(filter.getKey()).find(filter.getValue());
            if (code.isEmpty()) {
                return Tally.empty(query);
            }
            required.put(filter.getKey(), code.get());
        }
        int[][] filterColumns = required.keySet().stream().filter(dimension -> dimension != Dimension.THEME)
                .map(dimension -> columns[dimension.ordinal()]).toArray(int[][]::new);
        int[] filterCodes = required.entrySet().stream().filter(entry -> entry.getKey() != Dimension.THEME)
                .mapToInt(Map.Entry::getValue).toArray();
        int requiredTheme = required.getOrDefault(Dimension.THEME, NONE);
        return countRows(query, signatureTable(), filterColumns, filterCodes, requiredTheme).build();
    }

    private Tally.Builder countRows(StatisticsQuery query, int[] signatures, int[][] filterColumns, int[] filterCodes,
            int requiredTheme) {
        int from = index(query.from());
        int to = index(query.to());
        int monthsPerPeriod = query.grain().months();
        Dimension by = query.by();
        int[] groupColumn = columns[by.ordinal()];
        Tally.Builder tally = new Tally.Builder(query, codes.get(by).values(), signatures);
        rows:
        for (int row = 0; row < size; row++) {
            int submitted = month[row];
            if (submitted == NONE || submitted > to) {
                continue;
            }
            for (int f = 0; f < filterColumns.length; f++) {
                if (filterColumns[f][row] != filterCodes[f]) {
                    continue rows;
                }
            }
            if (requiredTheme != NONE && !contains(themes[row], requiredTheme)) {
                continue;
            }
            int period = submitted >= from ? (submitted - from) / monthsPerPeriod : NONE;
            if (by == Dimension.THEME) {
                for (int theme : themes[row]) {
                    tally.add(theme, period, row, this);
                }
            } else if (by != Dimension.NONE) {
                tally.add(groupColumn[row], period, row, this);
            }
            if (by == Dimension.THEME || by == Dimension.NONE) {
                tally.addToAll(period, row, this);
            }
        }
        return tally;
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Months as one number, so a range is two comparisons. */
    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static int minutes(Optional<Duration> duration) {
        return duration.map(value -> (int) Math.min(Integer.MAX_VALUE, value.toMinutes())).orElse(NONE);
    }

    /**
     * The number of the referral's signature: what it adds to the counts (all but its contact
     * attempts follows from it). Signatures are numbered in the order they occur, so that a cell
     * counts the few that do, not all {@value #SIGNATURES} that could.
     */
    int signatureNumber(int row) {
        return signature[row];
    }

    /** The signatures that occur, by number; numbers never change, new ones come at the end. */
    int[] signatureTable() {
        return signatureTable.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The count figures a referral of this signature adds one to. */
    static List<Figure> countedBy(int signature) {
        return COUNTED_BY.get(signature);
    }

    private static List<List<Figure>> signatures() {
        List<List<Figure>> counted = new ArrayList<>();
        for (int signature = 0; signature < SIGNATURES; signature++) {
            int flags = signature % FLAGS;
            int outcome = signature / FLAGS % (OUTCOMES.size() + 1) - 1;
            ReferralFact.State state = STATES[signature / FLAGS / (OUTCOMES.size() + 1)];
            List<Figure> figures = new ArrayList<>(List.of(Figure.SUBMITTED, switch (state) {
                case WAITING -> Figure.WAITING;
                case IN_PROGRESS -> Figure.IN_PROGRESS;
                case COMPLETED -> Figure.COMPLETED;
                case DECLINED -> Figure.DECLINED;
                case CANCELLED -> Figure.CANCELLED;
                case EXPIRED -> Figure.EXPIRED;
            }));
            if (outcome != NONE) {
                figures.add(OUTCOMES.get(outcome));
                if (OUTCOMES.get(outcome) == Figure.SOLVED || OUTCOMES.get(outcome) == Figure.PARTLY_SOLVED) {
                    figures.add(Figure.SUCCESSFUL);
                }
            }
            addIf(figures, flags, ACCEPTED, Figure.ACCEPTED);
            addIf(figures, flags, REACHED, Figure.PERSON_REACHED);
            addIf(figures, flags, UNMET_NEED, Figure.UNMET_NEEDS);
            addIf(figures, flags, OVERDUE, Figure.OVERDUE);
            addIf(figures, flags, ESCALATED, Figure.ESCALATED);
            counted.add(List.copyOf(figures));
        }
        return List.copyOf(counted);
    }

    private static void addIf(List<Figure> figures, int flags, int flag, Figure figure) {
        if ((flags & flag) != 0) {
            figures.add(figure);
        }
    }

    /** Minutes from submission to acceptance; negative when never accepted. */
    int minutesToAcceptance(int row) {
        return toAcceptance[row];
    }

    /** Minutes from submission to the first contact that reached the person; negative when none yet. */
    int minutesToFirstContact(int row) {
        return toFirstContact[row];
    }

    /** The {@linkplain DurationHistogram#binOf histogram bin} of the time to acceptance. */
    int hoursToAcceptanceBin(int row) {
        return toAcceptanceBin[row];
    }

    int hoursToFirstContactBin(int row) {
        return toFirstContactBin[row];
    }

    int contactAttempts(int row) {
        return attempts[row];
    }

    int contactAttemptsReached(int row) {
        return attemptsReached[row];
    }

    int referrerScore(int row) {
        return referrerScore[row];
    }

    int organisationScore(int row) {
        return organisationScore[row];
    }

    int recordKey(int row) {
        return recordKey[row] & 0xff;
    }

    int referrer(int row) {
        return columns[Dimension.REFERRER.ordinal()][row];
    }

    int organisation(int row) {
        return columns[Dimension.ORGANISATION.ordinal()][row];
    }

    /** Codes of one dimension as small numbers, in the order first seen; none is the empty code. */
    static final class Codes {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int of(String code) {
            return numbers.computeIfAbsent(code == null ? "" : code, value -> {
                values.add(value);
                return values.size() - 1;
            });
        }

        Optional<Integer> find(String code) {
            return Optional.ofNullable(numbers.get(code));
        }

        List<String> values() {
            return List.copyOf(values);
        }

        int size() {
            return values.size();
        }
    }
}

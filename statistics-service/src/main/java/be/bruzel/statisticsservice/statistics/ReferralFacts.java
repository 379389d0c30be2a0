package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the statistics store, in columns of codes, so that a month of referrals is
 * counted in one pass of a few milliseconds, with exact medians and exact numbers of distinct
 * referrers. Before each count it reads what changed in the store since it last looked (a rebuild
 * makes it read the store afresh); counts are kept by grouping, filters and month, and a month is
 * counted again only when one of its referrals changed. About 70 bytes a referral.
 *
 * <p>Once it has read enough rows since, it keeps a {@linkplain FactsSnapshot snapshot} of its
 * columns in the store, from which the next instance starts: it then reads one value and the rows
 * changed after the snapshot's revision, not the whole store.
 */
@Component
class ReferralFacts implements InitializingBean, ApplicationRunner, DisposableBean {

    private static final int NONE = -1;
    private static final int COUNTS_KEPT = 32;

    private static final Logger log = LoggerFactory.getLogger(ReferralFacts.class);

    private final Source store;
    private final int snapshotAfter;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** The last counts made, for as long as nothing changed; the least recently asked go first. */
    private final Map<StatisticsQuery, Tally> counted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StatisticsQuery, Tally> eldest) {
            return size() > COUNTS_KEPT;
        }
    };

    /** For each grouping and filters, their counts by month, kept until a referral of the month changes. */
    private final Map<Shape, MonthlyCounts> byShape = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, MonthlyCounts> eldest) {
            return size() > COUNTS_KEPT;
        }
    };
    /** The rows submitted in each month (by {@link #index}), and how often one of them changed. */
    private final Map<Integer, MonthRows> rowsByMonth = new HashMap<>();

    private int generation = NONE;
    private CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);
    private long revision;
    private int size;
    private final Map<Dimension, Codes> codes = new EnumMap<>(Dimension.class);
    private final Map<List<String>, int[]> themeSets = new HashMap<>();
    private int[] month = new int[0];
    /** The code of each referral in each dimension but themes, by the dimension's ordinal. */
    private int[][] columns = new int[Dimension.values().length][0];

    private int[][] themes = new int[0][];
    private short[] signature = new short[0];
    private final int[] signatureNumbers = new int[Signature.CODES];
    private final List<Integer> signatureTable = new ArrayList<>();
    private int[] toAcceptance = new int[0];
    private int[] toFirstContact = new int[0];
    private short[] toAcceptanceBin = new short[0];
    private short[] toFirstContactBin = new short[0];
    private int[] attempts = new int[0];
    private int[] attemptsReached = new int[0];
    private byte[] referrerScore = new byte[0];
    private byte[] organisationScore = new byte[0];
    private byte[] personScore = new byte[0];
    private byte[] recordKey = new byte[0];

    /** Rows read since the last snapshot was taken (or started from). */
    private int unsnapshotted;

    private CompletableFuture<Void> snapshotting = CompletableFuture.completedFuture(null);

    /** Where the referrals come from: the store, or a test's list. */
    interface Source {
        /**
         * Gives the referrals changed after {@code revision} to {@code row}, in revision order.
         *
         * @return the store's generation: another one than last time means every referral must be read afresh
         */
        int changedSince(long revision, Consumer<ReferralFact> row);

        /** The last {@linkplain FactsSnapshot#encode encoded snapshot} kept, if any. */
        Optional<byte[]> snapshot();

        /** Keeps the snapshot, unless the store has a newer one or has been rebuilt since it was taken. */
        void keep(int generation, long revision, byte[] snapshot);
    }

    ReferralFacts(Source store, @Value("${platform.statistics.snapshot-after:50000}") int snapshotAfter) {
        this.store = store;
        this.snapshotAfter = snapshotAfter;
        clear();
    }

    /** Starts reading the store as soon as the database is there, while the rest of the service starts. */
    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        loading = CompletableFuture.runAsync(
                () -> {
                    refresh();
                    log.info(
                            "Statistics: {} referrals read from the store in {} ms",
                            size,
                            (System.nanoTime() - started) / 1_000_000);
                },
                command -> Thread.ofVirtual().name("statistics-load").start(command));
    }

    /** The service reports ready once the store is read, so that no one is answered from half of it. */
    @Override
    public void run(ApplicationArguments arguments) {
        loading.join();
    }

    /** A snapshot being kept is finished first: it is what makes the next start quick. */
    @Override
    public void destroy() throws InterruptedException {
        try {
            snapshotting.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException alreadyLogged) {
            // whenComplete said why.
        } catch (TimeoutException notKept) {
            log.warn("Statistics: the snapshot was not kept before shutdown", notKept);
        }
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
            if (generation == NONE) {
                startFromSnapshot();
            }
            long before = revision;
            int seen = store.changedSince(revision, fact -> {
                put(fact);
                unsnapshotted++;
            });
            if (revision != before) {
                synchronized (counted) {
                    counted.clear();
                }
            }
            if (generation == NONE) {
                // The first read: what it read is of the generation it saw (one statement, one snapshot).
                generation = seen;
            } else if (seen != generation) {
                clear();
                generation = seen;
                refresh();
                return;
            }
            if (unsnapshotted >= snapshotAfter && snapshotting.isDone()) {
                keepSnapshot();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void startFromSnapshot() {
        try {
            store.snapshot()
                    .flatMap(FactsSnapshot::decode)
                    .filter(snapshot -> snapshot.columns().length == columns.length)
                    .ifPresent(this::restore);
        } catch (RuntimeException unreadable) {
            // Only a cache: reading every row instead is slower, never wrong.
            log.warn("Statistics: the snapshot cannot be read, reading the whole store", unreadable);
            clear();
        }
    }

    /** Copies the columns (a few milliseconds) and encodes and keeps them in the background. */
    private void keepSnapshot() {
        FactsSnapshot snapshot = snapshot();
        unsnapshotted = 0;
        snapshotting = CompletableFuture.runAsync(
                () -> {
                    long started = System.nanoTime();
                    byte[] content = snapshot.encode();
                    store.keep(snapshot.generation(), snapshot.revision(), content);
                    log.info(
                            "Statistics: snapshot of {} referrals at revision {} kept ({} bytes) in {} ms",
                            snapshot.size(),
                            snapshot.revision(),
                            content.length,
                            (System.nanoTime() - started) / 1_000_000);
                },
                command -> Thread.ofVirtual().name("statistics-snapshot").start(command));
        snapshotting.whenComplete((kept, failed) -> {
            if (failed != null) {
                // The next one is taken after as many rows again; until then a start reads a few more.
                log.warn("Statistics: the snapshot could not be kept", failed);
            }
        });
    }

    private FactsSnapshot snapshot() {
        Map<int[], Integer> setNumbers = new IdentityHashMap<>();
        int[] themeSet = new int[size];
        for (int row = 0; row < size; row++) {
            // Slots left empty by a rolled-back insert have no themes.
            int[] set = themes[row] == null ? new int[0] : themes[row];
            themeSet[row] = setNumbers.computeIfAbsent(set, numbered -> setNumbers.size());
        }
        int[][] themeSetsByNumber = new int[setNumbers.size()][];
        setNumbers.forEach((set, number) -> themeSetsByNumber[number] = set);
        int[][] columnsCopy = new int[columns.length][];
        for (int dimension = 0; dimension < columns.length; dimension++) {
            columnsCopy[dimension] = Arrays.copyOf(columns[dimension], size);
        }
        return new FactsSnapshot(
                generation,
                revision,
                size,
                Arrays.stream(Dimension.values())
                        .map(dimension -> codes.get(dimension).values())
                        .toList(),
                signatureTable(),
                themeSetsByNumber,
                Arrays.copyOf(month, size),
                columnsCopy,
                themeSet,
                Arrays.copyOf(signature, size),
                Arrays.copyOf(toAcceptance, size),
                Arrays.copyOf(toFirstContact, size),
                Arrays.copyOf(attempts, size),
                Arrays.copyOf(attemptsReached, size),
                Arrays.copyOf(referrerScore, size),
                Arrays.copyOf(organisationScore, size),
                Arrays.copyOf(personScore, size),
                Arrays.copyOf(recordKey, size));
    }

    private void restore(FactsSnapshot snapshot) {
        clear();
        generation = snapshot.generation();
        revision = snapshot.revision();
        size = snapshot.size();
        Dimension[] dimensions = Dimension.values();
        for (int dimension = 0; dimension < dimensions.length; dimension++) {
            snapshot.codes().get(dimension).forEach(codes.get(dimensions[dimension])::of);
        }
        for (int full : snapshot.signatureTable()) {
            signatureNumbers[full] = signatureTable.size();
            signatureTable.add(full);
        }
        List<String> themeCodes = codes.get(Dimension.THEME).values();
        for (int[] set : snapshot.themeSets()) {
            themeSets.put(Arrays.stream(set).mapToObj(themeCodes::get).toList(), set);
        }
        month = snapshot.month();
        columns = snapshot.columns();
        themes = new int[size][];
        signature = snapshot.signature();
        toAcceptance = snapshot.toAcceptance();
        toFirstContact = snapshot.toFirstContact();
        toAcceptanceBin = new short[size];
        toFirstContactBin = new short[size];
        attempts = snapshot.attempts();
        attemptsReached = snapshot.attemptsReached();
        referrerScore = snapshot.referrerScore();
        organisationScore = snapshot.organisationScore();
        personScore = snapshot.personScore();
        recordKey = snapshot.recordKey();
        for (int row = 0; row < size; row++) {
            themes[row] = snapshot.themeSets()[snapshot.themeSet()[row]];
            toAcceptanceBin[row] = (short) DurationHistogram.binOf(toAcceptance[row]);
            toFirstContactBin[row] = (short) DurationHistogram.binOf(toFirstContact[row]);
            if (month[row] != NONE) {
                rowsByMonth.computeIfAbsent(month[row], key -> new MonthRows()).add(row);
            }
        }
    }

    private void clear() {
        revision = 0;
        size = 0;
        unsnapshotted = 0;
        Arrays.fill(month, NONE);
        Arrays.fill(signatureNumbers, NONE);
        signatureTable.clear();
        themeSets.clear();
        rowsByMonth.clear();
        synchronized (byShape) {
            byShape.clear();
        }
        synchronized (counted) {
            counted.clear();
        }
        for (Dimension dimension : Dimension.values()) {
            codes.put(dimension, new Codes());
        }
    }

    private void put(ReferralFact fact) {
        int row = fact.position() - 1;
        ensureCapacity(row + 1);
        size = Math.max(size, row + 1);
        revision = Math.max(revision, fact.revision());
        int before = month[row];
        month[row] = fact.submittedIn().map(ReferralFacts::index).orElse(NONE);
        if (before != NONE && before != month[row]) {
            rowsByMonth.get(before).changed();
        }
        if (month[row] != NONE) {
            MonthRows rows = rowsByMonth.computeIfAbsent(month[row], key -> new MonthRows());
            if (before != month[row]) {
                rows.add(row);
            }
            rows.changed();
        }
        set(Dimension.MUNICIPALITY, row, fact.municipalityNis());
        set(Dimension.DISTRICT, row, fact.areaId());
        set(Dimension.CARE_ZONE, row, fact.careZoneCode());
        set(Dimension.ORGANISATION, row, fact.organisationId());
        set(Dimension.PROFESSION, row, fact.referrerProfession());
        set(Dimension.REFERRER, row, fact.referrerKey());
        themes[row] = themeSets.computeIfAbsent(
                fact.themeCodes(),
                list -> list.stream().mapToInt(codes.get(Dimension.THEME)::of).toArray());
        int full = Signature.of(fact).code();
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
        personScore[row] = (byte) (fact.personScore() == null ? 0 : fact.personScore());
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
        personScore = Arrays.copyOf(personScore, capacity);
        recordKey = Arrays.copyOf(recordKey, capacity);
    }

    /**
     * Adds up the query's months; a month is counted again only if one of its referrals changed since
     * it was last counted for the same grouping and filters, so a change costs a month's scan, not a year's.
     */
    private Tally count(StatisticsQuery query) {
        Map<Dimension, Integer> required = new EnumMap<>(Dimension.class);
        for (Map.Entry<Dimension, String> filter : query.filters().entrySet()) {
            Optional<Integer> code = codes.get(filter.getKey()).find(filter.getValue());
            if (code.isEmpty()) {
                return Tally.empty(query);
            }
            required.put(filter.getKey(), code.get());
        }
        MonthlyCounts monthly;
        synchronized (byShape) {
            monthly = byShape.computeIfAbsent(new Shape(query.by(), required), shape -> new MonthlyCounts());
        }
        int from = index(query.from());
        int to = index(query.to());
        int[] signatures = signatureTable();
        Tally.Builder tally = new Tally.Builder(query, codes.get(query.by()).values(), signatures);
        for (Map.Entry<Integer, MonthRows> rows : rowsByMonth.entrySet()) {
            int submitted = rows.getKey();
            if (submitted <= to) {
                MonthCount counted = monthly.of(
                        submitted,
                        rows.getValue(),
                        () -> countMonth(submitted, rows.getValue(), query.by(), required, signatures));
                tally.add(
                        submitted >= from ? (submitted - from) / query.grain().months() : NONE,
                        counted.groups(),
                        counted.all());
            }
        }
        return tally.build();
    }

    private MonthCount countMonth(
            int submitted, MonthRows rows, Dimension by, Map<Dimension, Integer> required, int[] signatures) {
        int[][] filterColumns = required.keySet().stream()
                .filter(dimension -> dimension != Dimension.THEME)
                .map(dimension -> columns[dimension.ordinal()])
                .toArray(int[][]::new);
        int[] filterCodes = required.entrySet().stream()
                .filter(entry -> entry.getKey() != Dimension.THEME)
                .mapToInt(Map.Entry::getValue)
                .toArray();
        int requiredTheme = required.getOrDefault(Dimension.THEME, NONE);
        int[] groupColumn = columns[by.ordinal()];
        Cell[] groups = new Cell[codes.get(by).size()];
        // Where a referral may be in several groups (themes) or none, the total counts it once, itself.
        Cell all = by == Dimension.THEME || by == Dimension.NONE ? new Cell(signatures) : null;
        int[] candidates = rows.rows();
        rows:
        for (int i = 0; i < rows.size(); i++) {
            int row = candidates[i];
            if (month[row] != submitted) {
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
            if (by == Dimension.THEME) {
                for (int theme : themes[row]) {
                    cell(groups, theme, signatures).add(this, row);
                }
            } else if (by != Dimension.NONE) {
                cell(groups, groupColumn[row], signatures).add(this, row);
            }
            if (all != null) {
                all.add(this, row);
            }
        }
        return new MonthCount(rows.changes(), groups, all);
    }

    private static Cell cell(Cell[] groups, int group, int[] signatures) {
        if (groups[group] == null) {
            groups[group] = new Cell(signatures);
        }
        return groups[group];
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
        return duration.map(value -> (int) Math.min(Integer.MAX_VALUE, value.toMinutes()))
                .orElse(NONE);
    }

    /**
     * The number of the referral's signature: what it adds to the counts (all but its contact
     * attempts follows from it). Signatures are numbered in the order they occur, so that a cell
     * counts the few that do, not all {@value Signature#CODES} that could.
     */
    int signatureNumber(int row) {
        return signature[row];
    }

    /** The signatures that occur, by number; numbers never change, new ones come at the end. */
    int[] signatureTable() {
        return signatureTable.stream().mapToInt(Integer::intValue).toArray();
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

    int personScore(int row) {
        return personScore[row];
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

    /** A grouping and its filters (by code number): the question but its range. */
    private record Shape(Dimension by, Map<Dimension, Integer> filters) {}

    /** One month counted for one shape: a cell per group (by code number, none where empty), and one for all. */
    private record MonthCount(int changes, Cell[] groups, Cell all) {}

    /** The months of one shape as last counted. */
    private static final class MonthlyCounts {
        private final Map<Integer, MonthCount> months = new HashMap<>();

        synchronized MonthCount of(int month, MonthRows rows, Supplier<MonthCount> recount) {
            MonthCount known = months.get(month);
            if (known == null || known.changes() != rows.changes()) {
                known = recount.get();
                months.put(month, known);
            }
            return known;
        }
    }

    /** The rows of a month: those submitted in it, and some that were and moved (skipped when counted). */
    private static final class MonthRows {
        private int[] rows = new int[64];
        private int size;
        private int changes;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        void changed() {
            changes++;
        }

        int[] rows() {
            return rows;
        }

        int size() {
            return size;
        }

        int changes() {
            return changes;
        }
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

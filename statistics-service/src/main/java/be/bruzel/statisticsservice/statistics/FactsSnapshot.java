package be.bruzel.statisticsservice.statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * {@link ReferralFacts}' columns as they stood at one revision of the store, so that a starting
 * instance reads one value and the rows changed since, not every row: a million referrals are some
 * 60 MB of columns, about a tenth of that compressed. Only a cache of the store: a snapshot of
 * another {@linkplain #FORMAT format} is ignored, which costs one start that reads every row.
 *
 * @param codes the codes of each dimension, by its ordinal, in the order they were numbered
 * @param themeSets the distinct sets of theme code numbers; {@code themeSet} gives each row's
 */
record FactsSnapshot(
        int generation,
        long revision,
        int size,
        List<List<String>> codes,
        int[] signatureTable,
        int[][] themeSets,
        int[] month,
        int[][] columns,
        int[] themeSet,
        short[] signature,
        int[] toAcceptance,
        int[] toFirstContact,
        int[] attempts,
        int[] attemptsReached,
        byte[] referrerScore,
        byte[] organisationScore,
        byte[] personScore,
        byte[] recordKey) {

    /** Raised whenever the layout below changes. */
    static final int FORMAT = 2;

    byte[] encode() {
        Writer out = new Writer();
        out.putInt(FORMAT);
        out.putInt(generation);
        out.putLong(revision);
        out.putInt(size);
        out.putInt(codes.size());
        for (List<String> dimension : codes) {
            out.putInt(dimension.size());
            dimension.forEach(out::putText);
        }
        out.putInts(signatureTable, signatureTable.length);
        out.putInt(themeSets.length);
        for (int[] set : themeSets) {
            out.putInts(set, set.length);
        }
        out.putInts(month, size);
        out.putInt(columns.length);
        for (int[] column : columns) {
            out.putInts(column, size);
        }
        out.putInts(themeSet, size);
        out.putShorts(signature, size);
        out.putInts(toAcceptance, size);
        out.putInts(toFirstContact, size);
        out.putInts(attempts, size);
        out.putInts(attemptsReached, size);
        out.putBytes(referrerScore, size);
        out.putBytes(organisationScore, size);
        out.putBytes(personScore, size);
        out.putBytes(recordKey, size);
        return out.compressed();
    }

    /** The snapshot in {@code content}, unless it was written in another format. */
    static Optional<FactsSnapshot> decode(byte[] content) {
        try (Reader in = new Reader(content)) {
            return decode(in);
        }
    }

    private static Optional<FactsSnapshot> decode(Reader in) {
        if (in.getInt() != FORMAT) {
            return Optional.empty();
        }
        int generation = in.getInt();
        long revision = in.getLong();
        int size = in.getInt();
        List<List<String>> codes = new ArrayList<>();
        for (int dimensions = in.getInt(); codes.size() < dimensions; ) {
            List<String> dimension = new ArrayList<>();
            for (int count = in.getInt(); dimension.size() < count; ) {
                dimension.add(in.getText());
            }
            codes.add(dimension);
        }
        int[] signatureTable = in.getInts();
        int[][] themeSets = new int[in.getInt()][];
        for (int set = 0; set < themeSets.length; set++) {
            themeSets[set] = in.getInts();
        }
        int[] month = in.getInts();
        int[][] columns = new int[in.getInt()][];
        for (int column = 0; column < columns.length; column++) {
            columns[column] = in.getInts();
        }
        return Optional.of(new FactsSnapshot(
                generation,
                revision,
                size,
                codes,
                signatureTable,
                themeSets,
                month,
                columns,
                in.getInts(),
                in.getShorts(),
                in.getInts(),
                in.getInts(),
                in.getInts(),
                in.getInts(),
                in.getBytes(),
                in.getBytes(),
                in.getBytes(),
                in.getBytes()));
    }

    /** The values {@link Writer} wrote, inflated as they are read. */
    private static final class Reader implements AutoCloseable {
        private final Inflater inflater = new Inflater();
        private final InputStream in;

        Reader(byte[] content) {
            this.in = new InflaterInputStream(new ByteArrayInputStream(content), inflater, 1 << 16);
        }

        @Override
        public void close() {
            inflater.end();
        }

        int getInt() {
            return read(4).getInt();
        }

        long getLong() {
            return read(8).getLong();
        }

        String getText() {
            return new String(read(getInt()).array(), StandardCharsets.UTF_8);
        }

        int[] getInts() {
            int[] values = new int[getInt()];
            read(4 * values.length).asIntBuffer().get(values);
            return values;
        }

        short[] getShorts() {
            short[] values = new short[getInt()];
            read(2 * values.length).asShortBuffer().get(values);
            return values;
        }

        byte[] getBytes() {
            return read(getInt()).array();
        }

        private ByteBuffer read(int bytes) {
            try {
                byte[] read = in.readNBytes(bytes);
                if (read.length < bytes) {
                    throw new IllegalArgumentException("the statistics snapshot ends too soon");
                }
                return ByteBuffer.wrap(read);
            } catch (IOException corrupt) {
                throw new IllegalArgumentException("the statistics snapshot is corrupt", corrupt);
            }
        }
    }

    /** Big-endian values, compressed as they come (fastest level: it is read more often than kept). */
    private static final class Writer {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(1 << 20);
        private final DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 1 << 16);
        /** One column at a time: a few megabytes, never the whole. */
        private ByteBuffer scratch = ByteBuffer.allocate(1 << 12);

        void putInt(int value) {
            write(room(4).putInt(value));
        }

        void putLong(long value) {
            write(room(8).putLong(value));
        }

        void putText(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            write(room(bytes.length).put(bytes));
        }

        void putInts(int[] values, int length) {
            putInt(length);
            ByteBuffer buffer = room(4 * length);
            buffer.asIntBuffer().put(values, 0, length);
            write(buffer.position(4 * length));
        }

        void putShorts(short[] values, int length) {
            putInt(length);
            ByteBuffer buffer = room(2 * length);
            buffer.asShortBuffer().put(values, 0, length);
            write(buffer.position(2 * length));
        }

        void putBytes(byte[] values, int length) {
            putInt(length);
            write(room(length).put(values, 0, length));
        }

        byte[] compressed() {
            try {
                out.finish();
                return compressed.toByteArray();
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            } finally {
                deflater.end();
            }
        }

        private ByteBuffer room(int bytes) {
            if (scratch.capacity() < bytes) {
                scratch = ByteBuffer.allocate(bytes);
            }
            return scratch.clear();
        }

        private void write(ByteBuffer filled) {
            try {
                out.write(filled.array(), 0, filled.position());
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
    }
}

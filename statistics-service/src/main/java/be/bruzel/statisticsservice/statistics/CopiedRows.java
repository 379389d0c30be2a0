package be.bruzel.statisticsservice.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.postgresql.copy.CopyOut;

/**
 * The rows of the store's binary {@code COPY} (PostgreSQL's own format: a header, then per row a
 * field count and each field as a length and its bytes) in the order {@link StatisticsStore#changedSince}
 * selects them: integers, texts and a boolean, times as epoch seconds. Read straight from the
 * driver's messages, without a stream between: a million rows are some 26 million fields.
 */
final class CopiedRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int NULL = -1;

    private final Bytes in;
    /** The same themes for many referrals: one list each. */
    private final Map<String, List<String>> themeSets = new HashMap<>();

    CopiedRows(CopyOut copy) {
        this.in = new Bytes(copy);
    }

    /** @return the generation of the store, which every row carries (and the single row of an empty change) */
    int each(Consumer<ReferralFact> row) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY");
        }
        in.readInt();
        in.skipNBytes(in.readInt());
        int generation = 0;
        while (in.readShort() != NULL) {
            generation = integer();
            Integer position = integer();
            if (position == null) {
                skipRest(27);
                continue;
            }
            String municipality = text();
            String area = text();
            String careZone = text();
            String themes = text();
            List<String> themeCodes = themeSets.computeIfAbsent(
                    themes == null ? "" : themes, codes -> codes.isEmpty() ? List.of() : List.of(codes.split(",")));
            String referrer = text();
            String profession = text();
            String organisation = text();
            boolean unmetNeed = bool();
            boolean logged = bool();
            int attempts = integer();
            int reached = integer();
            String outcome = text();
            Integer referrerScore = integer();
            Integer organisationScore = integer();
            Boolean personContacted = nullableBool();
            Integer personScore = integer();
            long revision = bigint();
            int recordKey = integer();
            Instant submitted = instant();
            Instant accepted = instant();
            Instant firstContact = instant();
            Instant declined = instant();
            Instant cancelled = instant();
            Instant expired = instant();
            Instant completed = instant();
            Instant reminded = instant();
            Instant escalated = instant();
            row.accept(new ReferralFact(
                    position,
                    submitted,
                    municipality,
                    area,
                    careZone,
                    themeCodes,
                    referrer,
                    profession,
                    organisation,
                    unmetNeed,
                    logged,
                    accepted,
                    firstContact,
                    attempts,
                    reached,
                    declined,
                    cancelled,
                    expired,
                    completed,
                    outcome,
                    reminded,
                    escalated,
                    referrerScore,
                    organisationScore,
                    personContacted,
                    personScore,
                    revision,
                    recordKey));
        }
        in.finish();
        return generation;
    }

    private Integer integer() throws IOException {
        return in.readInt() == NULL ? null : in.readInt();
    }

    private long bigint() throws IOException {
        in.readInt();
        return in.readLong();
    }

    private Instant instant() throws IOException {
        return in.readInt() == NULL ? null : Instant.ofEpochSecond(in.readLong());
    }

    private boolean bool() throws IOException {
        in.readInt();
        return in.readByte() != 0;
    }

    private Boolean nullableBool() throws IOException {
        return in.readInt() == NULL ? null : in.readByte() != 0;
    }

    private String text() throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        return in.readText(length);
    }

    /** The messages of a COPY as one run of bytes, big-endian as PostgreSQL writes them. */
    private static final class Bytes {
        private final CopyOut copy;
        private byte[] chunk = new byte[0];
        private int at;

        Bytes(CopyOut copy) {
            this.copy = copy;
        }

        int readInt() throws IOException {
            if (at + 4 <= chunk.length) {
                int value = (chunk[at] & 0xff) << 24
                        | (chunk[at + 1] & 0xff) << 16
                        | (chunk[at + 2] & 0xff) << 8
                        | chunk[at + 3] & 0xff;
                at += 4;
                return value;
            }
            return (readByte() & 0xff) << 24 | (readByte() & 0xff) << 16 | (readByte() & 0xff) << 8 | readByte() & 0xff;
        }

        short readShort() throws IOException {
            return (short) ((readByte() & 0xff) << 8 | readByte() & 0xff);
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        byte readByte() throws IOException {
            while (at == chunk.length) {
                next();
            }
            return chunk[at++];
        }

        void readFully(byte[] into) throws IOException {
            for (int i = 0; i < into.length; i++) {
                into[i] = readByte();
            }
        }

        String readText(int length) throws IOException {
            if (at + length <= chunk.length) {
                String text = new String(chunk, at, length, StandardCharsets.UTF_8);
                at += length;
                return text;
            }
            byte[] text = new byte[length];
            readFully(text);
            return new String(text, StandardCharsets.UTF_8);
        }

        void skipNBytes(int length) throws IOException {
            for (int i = 0; i < length; i++) {
                readByte();
            }
        }

        /** Reads the COPY to its end, so the connection can serve the next statement; cancels it if that fails. */
        void finish() throws IOException {
            try {
                while (copy.readFromCopy() != null) {
                    // Nothing follows the trailer but the end.
                }
            } catch (SQLException failed) {
                throw new IOException(failed);
            }
        }

        private void next() throws IOException {
            try {
                chunk = copy.readFromCopy();
            } catch (SQLException failed) {
                throw new IOException(failed);
            }
            if (chunk == null) {
                throw new IOException("the COPY ended in the middle of a row");
            }
            at = 0;
        }
    }

    private void skipRest(int fields) throws IOException {
        for (int field = 0; field < fields; field++) {
            int length = in.readInt();
            if (length > 0) {
                in.skipNBytes(length);
            }
        }
    }
}

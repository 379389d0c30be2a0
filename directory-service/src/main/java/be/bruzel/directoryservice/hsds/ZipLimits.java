package be.bruzel.directoryservice.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How far an uploaded zip may unpack: a social map's dozen CSV tables, not a zip bomb. Entries are
 * read a buffer at a time and counted as they unpack, so a bomb is stopped at the limit it first
 * passes, having cost no more memory than that.
 *
 * @param entries the most files in the zip
 * @param unpacked the most all of them may unpack to
 * @param ratio the most they may unpack to per byte of the zip
 */
@ConfigurationProperties("platform.directory.hsds-import.zip")
record ZipLimits(int entries, DataSize unpacked, int ratio) {

    ZipLimits {
        entries = entries > 0 ? entries : 64;
        unpacked = unpacked != null ? unpacked : DataSize.ofMegabytes(256);
        // CSV tables pack 5 to 10 times; a bomb packs a thousand times and more.
        ratio = ratio > 0 ? ratio : 20;
    }

    /** Thrown as soon as the zip passes a limit. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String limit) {
            super(limit);
        }
    }

    Reading reading(long zipBytes) {
        return new Reading(Math.min(unpacked.toBytes(), Math.max(zipBytes, 1) * ratio));
    }

    /** One zip being read: what it has unpacked so far. */
    final class Reading {

        private final long mostBytes;
        private int entriesSeen;
        private long bytesUnpacked;

        private Reading(long mostBytes) {
            this.mostBytes = mostBytes;
        }

        void entry() {
            if (++entriesSeen > entries) {
                throw new Exceeded("more than " + entries + " files");
            }
        }

        byte[] readEntry(InputStream entry) throws IOException {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
                bytesUnpacked += read;
                if (bytesUnpacked > mostBytes) {
                    throw new Exceeded("unpacks to more than "
                            + DataSize.ofBytes(mostBytes).toMegabytes() + " MB (at most " + ratio + " times the zip, "
                            + unpacked.toMegabytes() + " MB in all)");
                }
                content.write(buffer, 0, read);
            }
            return content.toByteArray();
        }
    }
}

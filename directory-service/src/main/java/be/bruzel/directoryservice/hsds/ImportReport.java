package be.bruzel.directoryservice.hsds;

import java.util.List;
import java.util.Map;

/**
 * What an import did, per kind of record: created, updated, unchanged; and what of the data set
 * the platform does not keep (another publisher's fields, areas and terms), so nothing is dropped
 * without a word.
 *
 * @param dryRun true when nothing was stored because the caller only asked for the report
 */
public record ImportReport(
        boolean dryRun, Map<String, Map<String, Integer>> counts, List<Rejection> rejected, List<NotKept> notKept) {

    /** A record that cannot be imported, the field at fault and why, in the caller's language. */
    public record Rejection(String record, String field, String reason) {}

    /**
     * A field of the data set that the platform does not keep, and in how many records it was.
     *
     * @param field where, e.g. {@code services[].cost_options}
     */
    public record NotKept(String field, int records, String reason) {}
}

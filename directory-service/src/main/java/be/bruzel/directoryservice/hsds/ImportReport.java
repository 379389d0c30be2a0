package be.bruzel.directoryservice.hsds;

import java.util.List;
import java.util.Map;

/**
 * What an import did, per kind of record: created, updated, unchanged.
 *
 * @param dryRun true when nothing was stored because the caller only asked for the report
 */
public record ImportReport(boolean dryRun, Map<String, Map<String, Integer>> counts, List<Rejection> rejected) {

    /** A record that cannot be imported, the field at fault and why, in the caller's language. */
    public record Rejection(String record, String field, String reason) {}
}

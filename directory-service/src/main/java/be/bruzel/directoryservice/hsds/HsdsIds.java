package be.bruzel.directoryservice.hsds;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * HSDS 3.0 names every record by a UUID; the directory's ids are readable words. A record's UUID is
 * derived from its kind and id (version 3, name-based), so it never changes and needs no table;
 * the database derives the same ({@code hsds_uuid} in migration V11) to find a record by it. Parts
 * that have no id of their own (a language, an opening hour) get one derived from their parent's.
 */
final class HsdsIds {

    static final String ORGANIZATION = "organization";
    static final String LOCATION = "location";
    static final String SERVICE = "service";
    static final String TAXONOMY = "taxonomy";
    static final String TAXONOMY_TERM = "taxonomy_term";

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private HsdsIds() {}

    /** The UUID of a record of the directory; an id that is a UUID already is its own. */
    static String of(String kind, String id) {
        if (isUuid(id)) {
            return id;
        }
        return UUID.nameUUIDFromBytes(("bruzel:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The UUID of a part of a record, e.g. {@code part(serviceUuid, "language", "nl")}. */
    static String part(String parentUuid, String kind, Object discriminator) {
        return of(kind, parentUuid + "/" + discriminator);
    }

    /**
     * The directory id of an imported record: the id its UUID was derived from ({@code x_id}) when it
     * was, as for the platform's own export; otherwise the UUID itself, as for another publisher's.
     */
    static String directoryId(String kind, String uuid, String xId) {
        String lowerCase = uuid.toLowerCase(Locale.ROOT);
        return xId != null && of(kind, xId).equals(lowerCase) ? xId : lowerCase;
    }

    static boolean isUuid(String id) {
        return UUID_TEXT.matcher(id).matches();
    }
}

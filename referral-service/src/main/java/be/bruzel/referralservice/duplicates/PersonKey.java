package be.bruzel.referralservice.duplicates;

import java.util.List;

/**
 * The keys of one person, made once per submission: looked up to find their open referrals, then kept with the new
 * ones. Opaque outside this package.
 */
public record PersonKey(List<byte[]> keys) {

    public PersonKey {
        keys = List.copyOf(keys);
    }
}

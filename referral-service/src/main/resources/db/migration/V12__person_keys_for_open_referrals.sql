-- Whether a person already has an open referral on a theme, without comparing names in the clear: each referral keeps
-- keyed hashes (HMAC-SHA-256 with a secret of this service) of the person's normalised name with their phone and with
-- their e-mail. They are personal data too (pseudonymised), so they are erased with the person's data; they never
-- leave this database.
CREATE TABLE referral_person_key (
    referral_id uuid  NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    person_key  bytea NOT NULL,
    PRIMARY KEY (referral_id, person_key)
);

CREATE INDEX referral_person_key_lookup ON referral_person_key (person_key);

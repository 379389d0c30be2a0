-- A referral holds the person's data only as long as the referral needs it (GDPR: special category).
CREATE TABLE referral (
    id                uuid PRIMARY KEY,
    referrer_id       text        NOT NULL,
    status            text        NOT NULL,
    person_name       text        NOT NULL,
    person_phone      text,
    person_email      text,
    person_language   text        NOT NULL,
    postcode          text        NOT NULL,
    theme_codes       text[]      NOT NULL,
    question          text        NOT NULL,
    consent_method    text        NOT NULL,
    consent_given_at  timestamptz NOT NULL,
    submitted_at      timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    CONSTRAINT referral_person_reachable CHECK (person_phone IS NOT NULL OR person_email IS NOT NULL)
);

CREATE INDEX referral_by_referrer ON referral (referrer_id, submitted_at DESC);

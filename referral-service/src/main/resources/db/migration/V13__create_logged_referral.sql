-- A referral made outside the platform (by phone, on paper) that its referrer logged so that the statistics count it,
-- apart from the platform's own. Codes only: nothing of the person.
CREATE TABLE logged_referral (
    id                        uuid PRIMARY KEY,
    referrer_id               text        NOT NULL,
    referrer_profession       text,
    made_on                   date        NOT NULL,
    channel                   text        NOT NULL,
    theme_codes               text[]      NOT NULL,
    postcode                  text        NOT NULL,
    municipality_nis          text        NOT NULL,
    area_id                   text        NOT NULL,
    care_zone_code            text        NOT NULL,
    receiving_organisation_id text,
    logged_at                 timestamptz NOT NULL
);

CREATE INDEX logged_referral_by_referrer ON logged_referral (referrer_id, made_on DESC, logged_at DESC);

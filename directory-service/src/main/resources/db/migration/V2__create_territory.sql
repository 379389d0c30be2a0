-- The territory is data an administrator can change, never code: zones move, seeds disagree.
-- First-line zones (eerstelijnszones): BruZEL covers Brussels; Flemish ones can be added as rows.
CREATE TABLE first_line_zone (
    code     text PRIMARY KEY,
    name_nl  text NOT NULL,
    name_fr  text NOT NULL
);

-- Care zones (zorgzones / bassins d'aide et de soins), each with its helpdesk, the referral fallback.
CREATE TABLE care_zone (
    code                  text PRIMARY KEY,
    first_line_zone_code  text NOT NULL REFERENCES first_line_zone (code),
    name_nl               text NOT NULL,
    name_fr               text NOT NULL,
    helpdesk_phone        text,
    helpdesk_email        text
);

CREATE TABLE municipality (
    nis_code              text PRIMARY KEY CHECK (nis_code ~ '^[0-9]{5}$'),
    first_line_zone_code  text NOT NULL REFERENCES first_line_zone (code),
    name_nl               text NOT NULL,
    name_fr               text NOT NULL
);

-- An area is a whole municipality, or a district of one that is split over zones (Brussel).
CREATE TABLE area (
    id                 text PRIMARY KEY,
    municipality_nis   text    NOT NULL REFERENCES municipality (nis_code),
    name_nl            text    NOT NULL,
    name_fr            text    NOT NULL,
    is_district        boolean NOT NULL,
    note               text
);

CREATE TABLE area_postcode (
    area_id   text NOT NULL REFERENCES area (id),
    postcode  text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
    PRIMARY KEY (area_id, postcode)
);

CREATE INDEX area_postcode_by_postcode ON area_postcode (postcode);

-- Which care zone an area belongs to, and since when: lookups at a date answer as it was then,
-- so that statistics keep counting a referral in the zone of its day.
CREATE TABLE area_zone (
    area_id         text NOT NULL REFERENCES area (id),
    care_zone_code  text NOT NULL REFERENCES care_zone (code),
    valid_from      date NOT NULL,
    valid_to        date,
    PRIMARY KEY (area_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- The social map, after Open Referral HSDS 3.0: organisation, service, location,
-- service_at_location, service_area, language, contact, schedule; themes are the taxonomy.
-- Texts a person reads come in Dutch and French. Identifiers are the HSDS ids, kept across imports.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); this wrapper pins the dictionary so
-- that generated columns and indexes may use it.
CREATE FUNCTION directory_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN unaccent('unaccent'::regdictionary, $1);

-- Dutch and French stemming after accents are folded, so 'schulden' finds 'schuld' and 'dettes' finds 'dette'.
CREATE TEXT SEARCH CONFIGURATION directory_nl (COPY = dutch);
ALTER TEXT SEARCH CONFIGURATION directory_nl
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
CREATE TEXT SEARCH CONFIGURATION directory_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION directory_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE organisation (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    name_nl         text    NOT NULL,
    name_fr         text    NOT NULL,
    description_nl  text    NOT NULL DEFAULT '',
    description_fr  text    NOT NULL DEFAULT '',
    email           text,
    website         text,
    version         integer NOT NULL DEFAULT 0
);

CREATE TABLE location (
    id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    organisation_id  text NOT NULL REFERENCES organisation (id),
    name             text NOT NULL,
    address          text NOT NULL,
    postcode         text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
    city             text NOT NULL,
    latitude         numeric(9, 6),
    longitude        numeric(9, 6)
);

CREATE INDEX location_by_organisation ON location (organisation_id);

CREATE TABLE service (
    id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    organisation_id  text    NOT NULL REFERENCES organisation (id),
    name_nl          text    NOT NULL,
    name_fr          text    NOT NULL,
    description_nl   text    NOT NULL DEFAULT '',
    description_fr   text    NOT NULL DEFAULT '',
    active           boolean NOT NULL DEFAULT true,
    -- How referrals arrive: the organisation's workers see them in the app, and the intake mailbox is told.
    intake_team      text    NOT NULL,
    intake_email     text    NOT NULL,
    -- Open, full (until a date, or until further notice), or paused: routing skips what cannot take referrals.
    capacity         text    NOT NULL DEFAULT 'OPEN' CHECK (capacity IN ('OPEN', 'FULL', 'PAUSED')),
    full_until       date CHECK (full_until IS NULL OR capacity = 'FULL'),
    version          integer NOT NULL DEFAULT 0,
    search_vector    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('directory_nl', name_nl), 'A')
        || setweight(to_tsvector('directory_fr', name_fr), 'A')
        || setweight(to_tsvector('directory_nl', description_nl), 'B')
        || setweight(to_tsvector('directory_fr', description_fr), 'B')) STORED,
    -- Names folded to lower case without accents, for trigram matching of misspelt words.
    search_names     text GENERATED ALWAYS AS (lower(directory_unaccent(name_nl || ' ' || name_fr))) STORED
);

CREATE INDEX service_by_organisation ON service (organisation_id);
CREATE INDEX service_search_vector ON service USING gin (search_vector);
CREATE INDEX service_search_names ON service USING gin (search_names gin_trgm_ops);

CREATE TABLE service_theme (
    service_id  text NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    theme_code  text NOT NULL REFERENCES theme (code),
    PRIMARY KEY (service_id, theme_code)
);

CREATE INDEX service_theme_by_theme ON service_theme (theme_code, service_id);

-- ISO 639 codes of the languages spoken with the person.
CREATE TABLE service_language (
    service_id     text NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    language_code  text NOT NULL CHECK (language_code ~ '^[a-z]{2,3}$'),
    PRIMARY KEY (service_id, language_code)
);

CREATE INDEX service_language_by_language ON service_language (language_code, service_id);

-- Where a service takes referrals from: an area (a municipality or a district of one), a
-- whole municipality, a care zone, or a whole first-line zone (the region).
CREATE TABLE service_area (
    service_id  text NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('AREA', 'MUNICIPALITY', 'CARE_ZONE', 'REGION')),
    code        text NOT NULL,
    PRIMARY KEY (service_id, kind, code)
);

CREATE INDEX service_area_by_place ON service_area (kind, code, service_id);

CREATE TABLE service_at_location (
    service_id   text NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    location_id  text NOT NULL REFERENCES location (id),
    PRIMARY KEY (service_id, location_id)
);

-- Contacts of a service are teams or functions (an intake desk), never the people referred.
CREATE TABLE service_contact (
    service_id  text     NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    name        text     NOT NULL,
    email       text,
    phone       text,
    PRIMARY KEY (service_id, position)
);

-- Opening hours, HSDS schedule reduced to what a referrer needs: weekday (1 = Monday) and hours.
CREATE TABLE service_schedule (
    service_id  text     NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_at    time     NOT NULL,
    closes_at   time     NOT NULL CHECK (closes_at > opens_at),
    PRIMARY KEY (service_id, weekday, opens_at)
);

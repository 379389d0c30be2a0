-- A service's own copy of the directory (the directory-copy module), fed by the directory's compacted topics.
-- In the Flyway history of each service that imports the module and adds classpath:db/directory-copy to its
-- locations (statistics-service); referral-service made the same tables in its V3 and V6, before the module.
-- Each row keeps the time of the event it came from: an older event arriving late never overwrites a newer state.
CREATE TABLE directory_theme (
    theme_code  text PRIMARY KEY,
    name_nl     text        NOT NULL,
    name_fr     text        NOT NULL,
    active      boolean     NOT NULL,
    changed_at  timestamptz NOT NULL
);

CREATE TABLE directory_care_zone (
    care_zone_code       text PRIMARY KEY,
    first_line_zone_code text        NOT NULL,
    name_nl              text        NOT NULL,
    name_fr              text        NOT NULL,
    helpdesk_email       text,
    changed_at           timestamptz NOT NULL
);

-- A municipality, or a district where a municipality is split over care zones.
CREATE TABLE directory_area (
    area_id              text PRIMARY KEY,
    municipality_nis     text        NOT NULL,
    first_line_zone_code text        NOT NULL,
    name_nl              text        NOT NULL,
    name_fr              text        NOT NULL,
    -- A district's name is not its municipality's: statistics by municipality name Brussel, not Haren.
    municipality_name_nl text,
    municipality_name_fr text,
    postcodes            text[]      NOT NULL,
    -- [{"careZoneCode": "noord", "validFrom": "2020-01-01", "validTo": null}, ...]
    care_zones           jsonb       NOT NULL,
    changed_at           timestamptz NOT NULL
);

CREATE INDEX directory_area_by_postcode ON directory_area USING gin (postcodes);

CREATE TABLE directory_service (
    service_id      text PRIMARY KEY,
    organisation_id text        NOT NULL,
    name_nl         text        NOT NULL,
    name_fr         text        NOT NULL,
    active          boolean     NOT NULL,
    languages       text[]      NOT NULL,
    capacity        text        NOT NULL,
    full_until      date,
    intake_email    text,
    changed_at      timestamptz NOT NULL
);

CREATE TABLE directory_routing_rule (
    scope_kind  text        NOT NULL,
    scope_code  text        NOT NULL,
    theme_code  text        NOT NULL,
    service_ids text[]      NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (scope_kind, scope_code, theme_code)
);

-- The idempotent consumer's memory (see ProcessedEvents).
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

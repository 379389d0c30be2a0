-- Welfare and health neighbourhoods (welzijns- en gezondheidswijken): an optional finer level
-- inside a care zone, at most 30 000 inhabitants each.
CREATE TABLE neighbourhood (
    id                text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    care_zone_code    text NOT NULL REFERENCES care_zone (code),
    municipality_nis  text NOT NULL REFERENCES municipality (nis_code),
    name_nl           text NOT NULL,
    name_fr           text NOT NULL
);

CREATE INDEX neighbourhood_by_zone ON neighbourhood (care_zone_code);

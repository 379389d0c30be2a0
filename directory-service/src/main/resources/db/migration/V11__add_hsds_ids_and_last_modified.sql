-- HSDS 3.0 names every record by a UUID; the directory's ids are readable words. Each record's
-- UUID is derived from its kind and id (name-based, version 3: the MD5 of 'bruzel:<kind>:<id>' with
-- the version and variant bits set, as java.util.UUID.nameUUIDFromBytes does, so HsdsIds in Java
-- derives the same); an id that is a UUID already (imported from another map) is its own. Generated,
-- so it can never drift from the id; indexed, so the HSDS API finds a record by it.
CREATE FUNCTION hsds_uuid(kind text, id text) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE
        WHEN id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN id::uuid
        ELSE overlay(overlay(md5('bruzel:' || kind || ':' || id) PLACING '3' FROM 13)
                     PLACING substr('89ab', (('x' || substr(md5('bruzel:' || kind || ':' || id), 17, 1))::bit(4)::int & 3) + 1, 1)
                     FROM 17)::uuid
    END;

ALTER TABLE organisation ADD COLUMN hsds_id uuid GENERATED ALWAYS AS (hsds_uuid('organization', id)) STORED;
ALTER TABLE location ADD COLUMN hsds_id uuid GENERATED ALWAYS AS (hsds_uuid('location', id)) STORED;
ALTER TABLE service ADD COLUMN hsds_id uuid GENERATED ALWAYS AS (hsds_uuid('service', id)) STORED;
ALTER TABLE theme ADD COLUMN hsds_id uuid GENERATED ALWAYS AS (hsds_uuid('taxonomy_term', code)) STORED;
CREATE UNIQUE INDEX organisation_by_hsds_id ON organisation (hsds_id);
CREATE UNIQUE INDEX location_by_hsds_id ON location (hsds_id);
CREATE UNIQUE INDEX service_by_hsds_id ON service (hsds_id);
CREATE UNIQUE INDEX theme_by_hsds_id ON theme (hsds_id);

-- HSDS last_modified, and what the API's modified_after filters on: when the service last changed.
-- Set by the database on every update of the row (the directory updates a service only when it
-- changed), so no writer can forget it; existing services count as changed now.
ALTER TABLE service ADD COLUMN last_modified timestamptz NOT NULL DEFAULT now();
CREATE INDEX service_by_last_modified ON service (last_modified);

CREATE FUNCTION touch_last_modified() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        NEW.last_modified := now();
        RETURN NEW;
    END;
    $$;

CREATE TRIGGER service_last_modified BEFORE UPDATE ON service
    FOR EACH ROW EXECUTE FUNCTION touch_last_modified();

-- A service at a location has no row id of its own; its UUID is derived from the service's UUID and
-- the location's id (HsdsIds.part), indexed so that the HSDS API finds one by it.
CREATE INDEX service_at_location_by_hsds_id
    ON service_at_location (hsds_uuid('service_at_location', hsds_uuid('service', service_id)::text || '/' || location_id));

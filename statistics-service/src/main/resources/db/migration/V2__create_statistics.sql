-- The statistics store: a projection of referral.events, never of the referral tables, so it can be
-- rebuilt from the event log by replay. One row per referral, in codes and times only: no name,
-- contact, question or postcode of the person, and the referrer as a keyed pseudonym.
--
-- Every column is set by one kind of event and by a rule that gives the same row whatever order the
-- events arrive in (first time wins, flags only turn on, counters count once per event): a replay
-- running beside the live projection cannot leave a row behind.
CREATE SEQUENCE statistics_revision;

CREATE TABLE statistics_referral (
    referral_id              uuid PRIMARY KEY,
    -- The slot of the row in each instance's in-memory copy of the figures.
    position                 integer GENERATED ALWAYS AS IDENTITY,
    -- From referral.submitted: where the person lived and the care zone that was theirs on the day.
    submitted_at             timestamptz,
    municipality_nis         text,
    area_id                  text,
    care_zone_code           text,
    theme_codes              text[]      NOT NULL DEFAULT '{}',
    referrer_key             text,
    referrer_profession      text,
    -- The receiver it is (or was last) with, from the newest routing (submitted or rerouted).
    organisation_id          text,
    routed_at                timestamptz,
    unmet_need               boolean     NOT NULL DEFAULT false,
    accepted_at              timestamptz,
    first_contact_at         timestamptz,
    contact_attempts         integer     NOT NULL DEFAULT 0,
    contact_attempts_reached integer     NOT NULL DEFAULT 0,
    -- Declined with no candidate left.
    declined_at              timestamptz,
    cancelled_at             timestamptz,
    -- Closed by the platform after a year without activity.
    expired_at               timestamptz,
    completed_at             timestamptz,
    outcome                  text,
    reminded_at              timestamptz,
    escalated_at             timestamptz,
    referrer_score           smallint,
    organisation_score       smallint,
    -- Raised by every change: an instance reads what changed since the revision it has.
    revision                 bigint      NOT NULL DEFAULT nextval('statistics_revision')
);

CREATE INDEX statistics_referral_by_revision ON statistics_referral (revision);

-- Raised by a rebuild: every instance then reads the store afresh.
CREATE TABLE statistics_generation (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation integer     NOT NULL,
    started_at timestamptz NOT NULL
);

INSERT INTO statistics_generation (generation, started_at) VALUES (1, now());

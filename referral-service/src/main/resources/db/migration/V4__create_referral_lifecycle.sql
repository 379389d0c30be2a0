-- The closed loop: who receives a referral and why, its state after the FHIR Task pattern, and
-- everything the receiver and the referrer do with it.
ALTER TABLE referral
    ADD COLUMN submission_id            uuid,
    ADD COLUMN urgency                  text    NOT NULL DEFAULT 'ROUTINE',
    ADD COLUMN contact_channel          text,
    ADD COLUMN contact_moment           text,
    ADD COLUMN referrer_name            text,
    ADD COLUMN referrer_profession      text,
    -- Where the person lives as the territory had it on the day of submission.
    ADD COLUMN municipality_nis         text,
    ADD COLUMN area_id                  text,
    ADD COLUMN care_zone_code           text,
    -- The receiver: a service of an organisation, or the care zone's helpdesk (an unmet need).
    ADD COLUMN receiving_organisation_id text,
    ADD COLUMN receiving_service_id     text,
    ADD COLUMN unmet_need               boolean NOT NULL DEFAULT false,
    ADD COLUMN routing                  jsonb,
    ADD COLUMN declined_by              text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN outcome                  text,
    -- Since when the current receiver has had it without an answer; reminders count from here.
    ADD COLUMN waiting_since            timestamptz,
    ADD COLUMN reminded_at              timestamptz,
    ADD COLUMN escalated_at             timestamptz,
    ADD COLUMN accepted_at              timestamptz,
    ADD COLUMN first_contact_at         timestamptz,
    ADD COLUMN closed_at                timestamptz;

CREATE INDEX referral_inbox ON referral (receiving_organisation_id, status, submitted_at DESC);
CREATE INDEX referral_waiting ON referral (waiting_since) WHERE status IN ('SUBMITTED', 'RECEIVED');

-- A retried submission with the same Idempotency-Key returns what the first one created.
CREATE TABLE submission (
    referrer_id     text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    submission_id   uuid        NOT NULL UNIQUE,
    submitted_at    timestamptz NOT NULL,
    PRIMARY KEY (referrer_id, idempotency_key)
);

-- The timeline both sides see: what happened, when, by which side. Codes only.
CREATE TABLE referral_step (
    referral_id uuid        NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    position    integer     NOT NULL,
    happened_at timestamptz NOT NULL,
    step        text        NOT NULL,
    actor_id    text,
    actor_role  text        NOT NULL,
    detail      text,
    PRIMARY KEY (referral_id, position)
);

CREATE TABLE contact_attempt (
    id           uuid PRIMARY KEY,
    referral_id  uuid        NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    channel      text        NOT NULL,
    reached      boolean     NOT NULL,
    logged_by    text        NOT NULL,
    logged_at    timestamptz NOT NULL
);

CREATE INDEX contact_attempt_by_referral ON contact_attempt (referral_id, attempted_at);

CREATE TABLE feedback_message (
    id          uuid PRIMARY KEY,
    referral_id uuid        NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    author_id   text        NOT NULL,
    author_name text        NOT NULL,
    author_role text        NOT NULL,
    body        text        NOT NULL,
    posted_at   timestamptz NOT NULL
);

CREATE INDEX feedback_message_by_referral ON feedback_message (referral_id, posted_at);

CREATE TABLE satisfaction (
    referral_id uuid        NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    rater_role  text        NOT NULL,
    rater_id    text        NOT NULL,
    score       integer     NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at    timestamptz NOT NULL,
    PRIMARY KEY (referral_id, rater_role)
);

-- Who read a person's data, when, in which referral (GDPR accountability). Kept after erasure.
CREATE TABLE person_data_access (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id     uuid        NOT NULL,
    user_id         text        NOT NULL,
    organisation_id text,
    accessed_at     timestamptz NOT NULL,
    purpose         text        NOT NULL
);

CREATE INDEX person_data_access_by_referral ON person_data_access (referral_id, accessed_at);

-- ShedLock: one instance at a time runs the scheduled follow-up.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- BruZEL's 16 indicators on one page (issue 19, section 8).

-- Indicator 1: each contact attempt's channel, and whether it reached the person (referral.contact-attempt-logged.v1).
-- Codes only; emptied and replayed with the rest on a rebuild.
CREATE TABLE statistics_contact_attempt (
    attempt_id  uuid PRIMARY KEY,
    referral_id uuid    NOT NULL,
    channel     text    NOT NULL,
    reached     boolean NOT NULL
);
CREATE INDEX statistics_contact_attempt_by_referral ON statistics_contact_attempt (referral_id);

-- Indicator 9: the usability survey (System Usability Scale) each user is offered in the app once every six months.
-- Users by a keyed pseudonym, as referrers are; a declined offer has no answers. Not from the event log: a rebuild
-- leaves it.
CREATE TABLE usability_response (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_key     text        NOT NULL,
    role         text        NOT NULL,
    responded_at timestamptz NOT NULL,
    answers      smallint[],
    score        numeric(5, 1),
    CONSTRAINT usability_answered_whole CHECK ((answers IS NULL) = (score IS NULL)),
    CONSTRAINT usability_score_range CHECK (score BETWEEN 0 AND 100)
);
CREATE INDEX usability_response_by_user ON usability_response (user_key, responded_at DESC);
CREATE INDEX usability_response_answered ON usability_response (responded_at) WHERE score IS NOT NULL;

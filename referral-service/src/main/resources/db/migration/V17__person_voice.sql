-- The person's own voice (issue 19, section 6): with a consent apart, the person is asked afterwards, by e-mail or
-- SMS, whether they were contacted and how satisfied they are, through a link that needs no account.
ALTER TABLE referral ADD COLUMN consent_ask_afterwards boolean NOT NULL DEFAULT false;

-- One question per referral, to the person, about the organisation that had it when it was asked. The link carries
-- link_id, signed; it works once, until expires_at. What they answered are codes; their comment is a remark on the
-- referral's timeline (personal data, erased with the rest of it).
CREATE TABLE person_survey (
    referral_id     uuid PRIMARY KEY REFERENCES referral (id) ON DELETE CASCADE,
    link_id         uuid        NOT NULL UNIQUE,
    organisation_id text        NOT NULL,
    service_id      text,
    -- How it went out, chosen when it is sent: EMAIL, SMS, or NONE when neither reaches the person (a landline, or a
    -- mobile number and no SMS provider).
    channel         text CHECK (channel IN ('EMAIL', 'SMS', 'NONE')),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- What went wrong last, as a kind (an exception's class), never a message that could hold an address.
    failure         text,
    given_up_at     timestamptz,
    answered_at     timestamptz,
    contacted       boolean,
    score           smallint CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT person_survey_answered_whole CHECK ((answered_at IS NULL) = (contacted IS NULL))
);

CREATE INDEX person_survey_to_send ON person_survey (next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX referral_to_ask_afterwards ON referral (accepted_at)
    WHERE consent_ask_afterwards AND personal_data_erased_at IS NULL;

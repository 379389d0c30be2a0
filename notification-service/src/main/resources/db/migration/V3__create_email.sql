-- Where users are reached by e-mail and in which language, as their own tokens say.
CREATE TABLE user_contact (
    user_id    text PRIMARY KEY,
    email      text,
    language   text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The intake mailbox of each service and the helpdesk mailbox of each care zone, copied from the
-- directory's topics (full state per key; the newest wins).
CREATE TABLE intake_mailbox (
    service_id      text PRIMARY KEY,
    organisation_id text        NOT NULL,
    email           text,
    language        text        NOT NULL,
    changed_at      timestamptz NOT NULL
);
CREATE TABLE helpdesk_mailbox (
    care_zone_code text PRIMARY KEY,
    email          text,
    changed_at     timestamptz NOT NULL
);

-- How each user wants each kind of notification by e-mail; no row means at once.
CREATE TABLE email_preference (
    user_id           text NOT NULL,
    notification_type text NOT NULL,
    delivery          text NOT NULL CHECK (delivery IN ('IMMEDIATELY', 'DAILY_DIGEST', 'NEVER')),
    PRIMARY KEY (user_id, notification_type)
);

-- Every e-mail owed, written in the transaction that consumed its event; sent by the e-mail
-- sender, retried with backoff, kept as FAILED and retried later when SMTP stays down. Holds what
-- happened and which referral, never the person.
CREATE TABLE email (
    id                uuid PRIMARY KEY,
    event_id          uuid        NOT NULL,
    notification_type text        NOT NULL,
    referral_id       uuid        NOT NULL,
    detail            text,
    to_address        text        NOT NULL,
    language          text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'DIGEST', 'SENT', 'FAILED')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text,
    occurred_at       timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    sent_at           timestamptz,
    CONSTRAINT email_once_per_event_and_address UNIQUE (event_id, to_address)
);
CREATE INDEX email_due ON email (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX email_digest ON email (to_address) WHERE status = 'DIGEST';

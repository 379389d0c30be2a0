-- FHIR Subscriptions of GP software: a rest-hook on the Tasks of the referrer who made it. The headers may hold the
-- endpoint's credentials: never logged, never answered.
CREATE TABLE fhir_subscription (
    id                 uuid PRIMARY KEY,
    owner_id           text        NOT NULL,
    reason             text        NOT NULL,
    endpoint           text        NOT NULL,
    headers            text[]      NOT NULL,
    -- Absent: a notification is an empty POST (R4's ping); application/fhir+json: the id-only history Bundle.
    payload            text,
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'ERROR', 'OFF')),
    error              text,
    events_since_start bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL
);

CREATE INDEX fhir_subscription_by_owner ON fhir_subscription (owner_id) WHERE status <> 'OFF';

-- One notification per subscription and referral event, written in the transaction that consumed the event,
-- delivered with retries until it is; it names the Task, never the person.
CREATE TABLE fhir_notification (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES fhir_subscription (id),
    event_id        uuid        NOT NULL,
    task_id         uuid        NOT NULL,
    event_number    bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX fhir_notification_due ON fhir_notification (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');

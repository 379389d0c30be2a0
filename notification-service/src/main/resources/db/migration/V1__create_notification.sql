-- What a user of the platform is told about a referral. Holds no data of the person referred.
CREATE TABLE notification (
    id            uuid PRIMARY KEY,
    recipient_id  text        NOT NULL,
    type          text        NOT NULL,
    referral_id   uuid        NOT NULL,
    event_id      uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    CONSTRAINT notification_once_per_event_and_recipient UNIQUE (event_id, recipient_id)
);

CREATE INDEX notification_by_recipient ON notification (recipient_id, created_at DESC);

-- The idempotent consumer: an event is handled once per consumer, in the transaction of its effect.
CREATE TABLE processed_event (
    consumer      text        NOT NULL,
    event_id      uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

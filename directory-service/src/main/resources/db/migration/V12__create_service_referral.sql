-- The live figures of each service (acceptance rate and median time to acceptance over the last 90 days) come from the
-- platform's own referrals: what referral.events says of which service was offered which referral, and how it
-- answered. Ids and times only; rows older than the window are deleted.
CREATE TABLE service_referral (
    service_id  text        NOT NULL,
    referral_id uuid        NOT NULL,
    offered_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    declined_at timestamptz,
    PRIMARY KEY (service_id, referral_id)
);

CREATE INDEX service_referral_by_time ON service_referral (offered_at);

-- The idempotent consumer: an event is handled once per consumer, in the transaction of its effect.
CREATE TABLE processed_event (
    consumer      text        NOT NULL,
    event_id      uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_event_by_time ON processed_event (processed_at);

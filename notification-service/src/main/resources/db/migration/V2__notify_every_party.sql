-- Who is involved in each referral, as the referral events tell it: the referrer, the current
-- receiver and the care zone. Identifiers only; the events are keyed by referral, so they arrive
-- in order for one referral.
CREATE TABLE referral_party (
    referral_id      uuid PRIMARY KEY,
    referrer_id      text        NOT NULL,
    organisation_id  text        NOT NULL,
    service_id       text,
    care_zone_code   text        NOT NULL,
    first_contact_at timestamptz,
    updated_at       timestamptz NOT NULL
);

-- A notification goes to one user or to an organisation's team (everyone who acts for it).
ALTER TABLE notification ADD COLUMN audience text NOT NULL DEFAULT 'USER'
    CHECK (audience IN ('USER', 'ORGANISATION'));
ALTER TABLE notification DROP CONSTRAINT notification_once_per_event_and_recipient;
ALTER TABLE notification ADD CONSTRAINT notification_once_per_event_and_recipient
    UNIQUE (event_id, audience, recipient_id);
DROP INDEX notification_by_recipient;
CREATE INDEX notification_by_recipient ON notification (audience, recipient_id, created_at DESC, id);

-- Each reader marks a notification read for themselves, also one addressed to their team.
CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    user_id         text        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);
INSERT INTO notification_read (notification_id, user_id, read_at)
SELECT id, recipient_id, read_at FROM notification WHERE read_at IS NOT NULL;
ALTER TABLE notification DROP COLUMN read_at;

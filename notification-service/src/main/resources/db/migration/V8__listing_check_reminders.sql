-- A service's listing due for a check is mailed to its organisation's coordinators: who they are is learnt, as
-- their address is, from their own token whenever they look at their notifications; a mail is then about a service
-- rather than a referral, and names it.
ALTER TABLE user_contact
    ADD COLUMN organisation_id text,
    ADD COLUMN coordinator     boolean NOT NULL DEFAULT false;
CREATE INDEX user_contact_coordinators ON user_contact (organisation_id) WHERE coordinator;

ALTER TABLE intake_mailbox
    ADD COLUMN name_nl text,
    ADD COLUMN name_fr text;

ALTER TABLE email
    ALTER COLUMN referral_id DROP NOT NULL,
    ADD COLUMN service_id text,
    ADD CONSTRAINT email_about_a_referral_or_a_service CHECK (referral_id IS NOT NULL OR service_id IS NOT NULL);

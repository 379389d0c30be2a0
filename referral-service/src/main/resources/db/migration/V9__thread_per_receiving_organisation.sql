-- A referral declined and routed on goes to an organisation that must not read what the referrer and the
-- first organisation wrote to each other, nor the first organisation's notes on reaching the person: each
-- message and contact attempt belongs to the organisation that received the referral when it was written.
-- Rows from before this migration are given the organisation that holds the referral now.
ALTER TABLE feedback_message ADD COLUMN organisation_id text;
ALTER TABLE contact_attempt ADD COLUMN organisation_id text;

UPDATE feedback_message m SET organisation_id = r.receiving_organisation_id
FROM referral r WHERE r.id = m.referral_id;
UPDATE contact_attempt a SET organisation_id = r.receiving_organisation_id
FROM referral r WHERE r.id = a.referral_id;

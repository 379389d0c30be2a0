-- A batch of due mails claims the mails held back for the burst window on the same referral to the same
-- address (Emails.claimHeldWith). Without this index every batch read every mail held back: at 100 referrals
-- a second, thousands of rows for each batch of 20.
CREATE INDEX email_held ON email (referral_id, to_address) WHERE status = 'PENDING' AND attempts = 0;

-- Notifications name what a referral is about (its themes) beside its short reference: codes only,
-- taken from referral.submitted. Referrals submitted before this change have none.
ALTER TABLE referral_party ADD COLUMN theme_codes text[];

-- The themes' names, copied from the directory's compacted topic, so that an e-mail names the
-- theme in its reader's language while directory-service is down.
CREATE TABLE theme_name (
    code       text PRIMARY KEY,
    name_nl    text,
    name_fr    text,
    name_en    text,
    changed_at timestamptz NOT NULL
);

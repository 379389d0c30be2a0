-- Referrals made outside the platform and logged by their referrers (referral.logged.v1) count apart: a state of their
-- own, never submitted, waiting or completed.
ALTER TABLE statistics_referral ADD COLUMN logged boolean NOT NULL DEFAULT false;

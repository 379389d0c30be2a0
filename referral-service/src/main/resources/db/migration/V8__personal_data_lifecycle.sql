-- The lifecycle of the person's personal data (GDPR art. 5(1)(e), 15, 17): notes and remarks in the
-- person's words, erasure that keeps the referral's codes, and refused reads in the access log.

-- Free text the receiving organisation and the referrer may write about the person.
ALTER TABLE contact_attempt ADD COLUMN note text;
ALTER TABLE referral_step ADD COLUMN remark text;

-- After erasure a referral keeps its codes, steps and times; what describes the person is gone.
ALTER TABLE referral
    ALTER COLUMN person_name DROP NOT NULL,
    ALTER COLUMN question DROP NOT NULL,
    ADD COLUMN personal_data_erased_at timestamptz,
    ADD COLUMN personal_data_erasure_reason text,
    DROP CONSTRAINT referral_person_reachable,
    ADD CONSTRAINT referral_person_reachable_until_erased CHECK (
        personal_data_erased_at IS NOT NULL
        OR (person_name IS NOT NULL AND question IS NOT NULL AND (person_phone IS NOT NULL OR person_email IS NOT NULL))),
    ADD CONSTRAINT referral_erased_with_reason CHECK (
        (personal_data_erased_at IS NULL) = (personal_data_erasure_reason IS NULL));
ALTER TABLE feedback_message ALTER COLUMN body DROP NOT NULL;

-- The retention job finds closed referrals still holding personal data, oldest closed first.
CREATE INDEX referral_erasure_due ON referral (closed_at) WHERE personal_data_erased_at IS NULL AND closed_at IS NOT NULL;
-- ... and open referrals to expire; their last activity is the newest step or message.
CREATE INDEX referral_open ON referral (submitted_at) WHERE status IN ('SUBMITTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS');
CREATE INDEX referral_step_latest ON referral_step (referral_id, happened_at DESC);
CREATE INDEX referral_by_submission ON referral (submission_id);
CREATE INDEX submission_by_time ON submission (submitted_at);

-- Refused attempts too (another organisation's referral: a 404), so probing leaves a trace.
ALTER TABLE person_data_access ADD COLUMN refused boolean NOT NULL DEFAULT false;
CREATE INDEX person_data_access_refused ON person_data_access (accessed_at DESC) WHERE refused;
CREATE INDEX person_data_access_by_time ON person_data_access (accessed_at);

-- The statistics count expired referrals as a state of their own (from referral.expired).
ALTER TABLE statistics_referral ADD COLUMN expired_at timestamptz;

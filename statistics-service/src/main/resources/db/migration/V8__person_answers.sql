-- What the person referred said themselves through the link they were sent (referral.person-answered.v1): whether
-- they were contacted, and their satisfaction, 1 to 5. Codes only: their comment never leaves referral-service.
ALTER TABLE statistics_referral
    ADD COLUMN person_contacted boolean,
    ADD COLUMN person_score     smallint CHECK (person_score BETWEEN 1 AND 5);

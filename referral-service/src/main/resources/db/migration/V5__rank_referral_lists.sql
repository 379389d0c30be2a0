-- Lists show overdue first, then new, urgent before routine, newest first. Stored as a rank so an
-- index serves a page of an inbox with thousands of referrals without sorting them all.
ALTER TABLE referral ADD COLUMN list_rank smallint GENERATED ALWAYS AS (
    CASE
        WHEN status IN ('SUBMITTED', 'RECEIVED') AND reminded_at IS NOT NULL THEN 0
        WHEN status IN ('SUBMITTED', 'RECEIVED') THEN 2
        ELSE 4
    END + CASE WHEN urgency = 'URGENT' THEN 0 ELSE 1 END
) STORED;

CREATE INDEX referral_inbox_page ON referral (receiving_organisation_id, list_rank, submitted_at DESC, id);
CREATE INDEX referral_referrer_page ON referral (referrer_id, list_rank, submitted_at DESC, id);
DROP INDEX referral_by_referrer;

-- The zone's needs questionnaires as answered, from referral.submitted: one row per submission (its referrals,
-- one per receiver, share it and its answers), in codes only. The other need is only said to be there; what it
-- is stays in referral-service. Rows come from the event log, so a replay gives the same rows (first one wins).
CREATE TABLE questionnaire_submission (
    submission_id         uuid PRIMARY KEY,
    questionnaire_code    text     NOT NULL,
    questionnaire_version integer  NOT NULL,
    -- Where the person lived and the care zone that was theirs on the day, as on the referral.
    municipality_nis      text,
    care_zone_code        text,
    -- The first day of the month of submission, in Brussels.
    month                 date     NOT NULL,
    other_need            boolean  NOT NULL,
    -- 0 to 255, the last byte of the random submission id: the cell keys of the published counts.
    record_key            smallint NOT NULL
);

CREATE INDEX questionnaire_submission_by_month ON questionnaire_submission (questionnaire_code, month);

CREATE TABLE questionnaire_answer (
    submission_id uuid NOT NULL REFERENCES questionnaire_submission ON DELETE CASCADE,
    option_code   text NOT NULL,
    PRIMARY KEY (submission_id, option_code)
);

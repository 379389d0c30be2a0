-- The zone's needs questionnaire: each version whole (its questions and options as one document, fixed once
-- published), and what was answered on each referral. The answers describe the person: they are erased with the
-- referral's other personal data (the row goes), the "other need" in the referrer's words above all.
CREATE TABLE questionnaire_version (
    code           text        NOT NULL,
    version        integer     NOT NULL CHECK (version > 0),
    title_nl       text        NOT NULL,
    title_fr       text        NOT NULL,
    -- NIS codes; empty: the whole zone.
    municipalities text[]      NOT NULL DEFAULT '{}',
    questions      jsonb       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    valid_from     date,
    changed_at     timestamptz NOT NULL,
    changed_by     text        NOT NULL,
    PRIMARY KEY (code, version),
    CHECK (status = 'DRAFT' OR valid_from IS NOT NULL)
);

-- One draft per questionnaire at a time.
CREATE UNIQUE INDEX questionnaire_one_draft ON questionnaire_version (code) WHERE status = 'DRAFT';

CREATE TABLE referral_answers (
    referral_id           uuid PRIMARY KEY REFERENCES referral (id) ON DELETE CASCADE,
    questionnaire_code    text    NOT NULL,
    questionnaire_version integer NOT NULL,
    option_codes          text[]  NOT NULL,
    other_need            text,
    FOREIGN KEY (questionnaire_code, questionnaire_version) REFERENCES questionnaire_version (code, version)
);

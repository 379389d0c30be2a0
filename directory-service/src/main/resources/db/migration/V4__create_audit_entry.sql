-- Every change to the directory: who made it, when, and what it was. Written in the change's transaction.
CREATE TABLE audit_entry (
    id            bigserial PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor_id      text        NOT NULL,
    action        text        NOT NULL,
    subject_type  text        NOT NULL,
    subject_id    text        NOT NULL,
    details       jsonb       NOT NULL
);

CREATE INDEX audit_entry_by_subject ON audit_entry (subject_type, subject_id, occurred_at DESC);

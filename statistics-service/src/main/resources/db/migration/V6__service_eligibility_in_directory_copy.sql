-- Who each service is for, as the directory sends it (the directory copy keeps it; routing, not the
-- statistics, uses it). Services the directory has not sent again since are for everyone.
ALTER TABLE directory_service
    ADD COLUMN minimum_age   integer,
    ADD COLUMN maximum_age   integer,
    ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}';

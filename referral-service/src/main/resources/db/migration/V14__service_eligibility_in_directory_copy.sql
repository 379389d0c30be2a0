-- Who each service is for, as the directory sends it: routing skips a service the person is certainly not
-- eligible for. Services the directory has not sent again since are for everyone, as they were.
ALTER TABLE directory_service
    ADD COLUMN minimum_age   integer,
    ADD COLUMN maximum_age   integer,
    ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}';

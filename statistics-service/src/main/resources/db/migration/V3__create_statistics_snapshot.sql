-- The last snapshot an instance kept of its in-memory columns, and the revision and generation of the
-- store it was taken at: a starting instance reads it and the rows changed after, not every row.
-- Only a cache of statistics_referral (codes and pseudonyms, nothing more): emptying it costs one slow start.
CREATE TABLE statistics_snapshot (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation integer     NOT NULL,
    revision   bigint      NOT NULL,
    taken_at   timestamptz NOT NULL,
    content    bytea       NOT NULL
);

-- Compressed already: stored as it is, out of line, rather than compressed again.
ALTER TABLE statistics_snapshot ALTER COLUMN content SET STORAGE EXTERNAL;

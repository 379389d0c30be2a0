-- The revision of the copy of the directory, moved in the transaction of every change to it. Routing keeps the
-- copy in memory and reads the tables again only when the revision has moved (Directory): one single-row read per
-- submission instead of a scan of each table. Each revision is a number of the sequence, which no other change
-- ever gets, not even after a rollback: a copy read inside a transaction that rolled back never passes for one
-- that committed.
CREATE SEQUENCE directory_copy_change;

CREATE TABLE directory_copy_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint  NOT NULL
);

INSERT INTO directory_copy_revision (revision) VALUES (0);

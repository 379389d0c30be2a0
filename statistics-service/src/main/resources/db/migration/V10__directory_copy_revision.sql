-- The revision of the copy of the directory, counted up in the transaction of every change to it. Routing
-- keeps the copy in memory and reads the tables again only when the revision has moved (Directory): one
-- single-row read per question instead of a scan of each table for every referral.
CREATE TABLE directory_copy_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint  NOT NULL
);

INSERT INTO directory_copy_revision (revision) VALUES (0);

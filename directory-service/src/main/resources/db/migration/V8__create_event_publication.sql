-- Spring Modulith's event publication registry (schema v2): the directory's outbox.
-- An event is stored here in the transaction of its change and marked complete once on Kafka.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);

CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Set once the full current state of the directory has been published (first start, or a
-- topic rebuilt by an administrator): consumers build their copy from the compacted topics.
CREATE TABLE directory_snapshot (
    published_at  timestamptz PRIMARY KEY,
    actor_id      text        NOT NULL,
    events        integer     NOT NULL
);

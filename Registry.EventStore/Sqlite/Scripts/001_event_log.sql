-- The event log. position is the global order: contiguous from 1, assigned under the write lock in commit order.
CREATE TABLE events (
    position        INTEGER PRIMARY KEY,
    stream_name     TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    event_id        BLOB    NOT NULL,
    event_type      TEXT    NOT NULL,
    data            BLOB    NOT NULL,
    metadata        BLOB    NOT NULL,
    recorded_us     INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
    hash            BLOB    NOT NULL  -- SHA-256 chained along the global order
);
CREATE UNIQUE INDEX ux_events_stream_revision ON events (stream_name, stream_revision);
CREATE UNIQUE INDEX ux_events_event_id ON events (event_id);

-- The head of the log: last position, its hash and recorded time. Every append updates it in the same transaction.
CREATE TABLE log_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    position    INTEGER NOT NULL,
    hash        BLOB    NOT NULL,
    recorded_us INTEGER NOT NULL
);
INSERT INTO log_head (id, position, hash, recorded_us) VALUES (1, 0, zeroblob(32), 0);

-- History is append-only: the application never updates or deletes an event.
CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correction instead'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;

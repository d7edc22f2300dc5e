-- The event log. position is the global order: contiguous from 1, assigned while holding the row lock on
-- log_head, so positions are handed out in commit order (see PostgresEventStore).
CREATE TABLE events (
    position        bigint      PRIMARY KEY,
    stream_name     text        NOT NULL,
    stream_revision bigint      NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    data            bytea       NOT NULL,
    metadata        bytea       NOT NULL,
    recorded_us     bigint      NOT NULL, -- microseconds since the Unix epoch, UTC
    hash            bytea       NOT NULL  -- SHA-256 chained along the global order
);
CREATE UNIQUE INDEX ux_events_stream_revision ON events (stream_name, stream_revision);
CREATE UNIQUE INDEX ux_events_event_id ON events (event_id);

CREATE TABLE log_head (
    id          int    PRIMARY KEY CHECK (id = 1),
    position    bigint NOT NULL,
    hash        bytea  NOT NULL,
    recorded_us bigint NOT NULL
);
INSERT INTO log_head (id, position, hash, recorded_us) VALUES (1, 0, decode(repeat('00', 32), 'hex'), 0);

-- History is append-only: the application never updates or deletes an event.
CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events are immutable and never deleted: record a correction instead'; END $$;
CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_immutable();
CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable();

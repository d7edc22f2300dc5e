-- Readers see the log up to the durable head, not up to log_head. An append commits without waiting for its WAL flush
-- (so the head lock is held only while rows are inserted, never across an fsync) and is acknowledged only after a
-- fence, make_durable(), has committed synchronously: the fence copies log_head into log_durable, and its own commit
-- record comes after every commit it copied, so once the fence is flushed (and visible) so is everything below it.
-- Many appends share one fence, and fences run beside the next appends: group commit without a lock over the fsync.
-- A row above log_durable is committed but not yet known durable; no reader sees it, and a crash may lose it, in which
-- case its append was never acknowledged.
CREATE TABLE log_durable (
    id          int    PRIMARY KEY CHECK (id = 1),
    position    bigint NOT NULL,
    hash        bytea  NOT NULL,
    recorded_us bigint NOT NULL
);
INSERT INTO log_durable (id, position, hash, recorded_us) SELECT id, position, hash, recorded_us FROM log_head;

-- Advances log_durable to log_head (never backwards: fences from several processes may cross) and wakes listeners.
-- Returns the durable position. Must commit synchronously, which is PostgreSQL's default.
CREATE FUNCTION make_durable() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    durable bigint;
BEGIN
    UPDATE log_durable d SET position = h.position, hash = h.hash, recorded_us = h.recorded_us
      FROM log_head h
     WHERE d.id = 1 AND h.id = 1 AND h.position > d.position
    RETURNING d.position INTO durable;
    IF durable IS NULL THEN
        -- Nothing to advance: a fence that already committed (so is flushed) covers this caller's commits.
        SELECT position INTO durable FROM log_durable WHERE id = 1;
    ELSE
        PERFORM pg_notify('registry_events', durable::text);
    END IF;
    RETURN durable;
END $$;

-- The planned append of 002, now committing asynchronously and without the notification (the fence sends it).
CREATE OR REPLACE FUNCTION append_planned(
    expected_position bigint, new_position bigint, new_hash bytea, new_recorded_us bigint,
    assumed_streams text[], assumed_revisions bigint[],
    positions bigint[], streams text[], revisions bigint[], ids uuid[], types text[], datas bytea[], metadatas bytea[],
    recorded bigint[], hashes bytea[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    UPDATE log_head SET position = new_position, hash = new_hash, recorded_us = new_recorded_us
     WHERE id = 1 AND position = expected_position;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the log head is no longer at %', expected_position USING ERRCODE = 'RG001';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(assumed_streams, assumed_revisions) AS a(s, r)
                WHERE a.r >= 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_name = a.s AND e.stream_revision = a.r)) THEN
        RAISE EXCEPTION 'a stream is shorter than assumed' USING ERRCODE = 'RG002';
    END IF;
    INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash)
    SELECT * FROM unnest(positions, streams, revisions, ids, types, datas, metadatas, recorded, hashes);
END $$;

-- One group commit in one round trip (see PostgresEventStore): the writer planned the batch against the head it
-- committed last and the stream revisions it assumes; this function takes the head lock, checks that nothing moved
-- since, and writes. Any check that fails aborts the whole transaction, and the writer falls back to reading under the
-- lock. Only the unique indexes on (stream_name, stream_revision) and event_id remain to catch the rest: a stream
-- already longer than assumed, or an event id already recorded.
CREATE FUNCTION append_planned(
    expected_position bigint, new_position bigint, new_hash bytea, new_recorded_us bigint,
    assumed_streams text[], assumed_revisions bigint[],
    positions bigint[], streams text[], revisions bigint[], ids uuid[], types text[], datas bytea[], metadatas bytea[],
    recorded bigint[], hashes bytea[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE log_head SET position = new_position, hash = new_hash, recorded_us = new_recorded_us
     WHERE id = 1 AND position = expected_position;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the log head is no longer at %', expected_position USING ERRCODE = 'RG001';
    END IF;
    -- A stream assumed to end at revision r (r >= 0) must have r; a longer stream fails on the unique index below.
    IF EXISTS (SELECT 1 FROM unnest(assumed_streams, assumed_revisions) AS a(s, r)
                WHERE a.r >= 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_name = a.s AND e.stream_revision = a.r)) THEN
        RAISE EXCEPTION 'a stream is shorter than assumed' USING ERRCODE = 'RG002';
    END IF;
    INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash)
    SELECT * FROM unnest(positions, streams, revisions, ids, types, datas, metadatas, recorded, hashes);
    PERFORM pg_notify('registry_events', new_position::text);
END $$;

-- Planned batches may now be in flight two at a time (see PostgresEventStore): the second is planned on the head the
-- first will leave. Should the first fail and be committed again the careful way with as many events, the head comes
-- back to the same position with another hash (another recording time), so the head's hash is checked too: a batch
-- chained to a hash that is not the head's would break the log's hash chain.
DROP FUNCTION append_planned(bigint, bigint, bytea, bigint, text[], bigint[], bigint[], text[], bigint[], uuid[], text[], bytea[], bytea[], bigint[], bytea[]);

CREATE FUNCTION append_planned(
    expected_position bigint, expected_hash bytea, new_position bigint, new_hash bytea, new_recorded_us bigint,
    assumed_streams text[], assumed_revisions bigint[],
    positions bigint[], streams text[], revisions bigint[], ids uuid[], types text[], datas bytea[], metadatas bytea[],
    recorded bigint[], hashes bytea[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE log_head SET position = new_position, hash = new_hash, recorded_us = new_recorded_us
     WHERE id = 1 AND position = expected_position AND hash = expected_hash;
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

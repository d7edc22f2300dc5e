-- Appends may now be conditioned on other streams' revisions (StreamCondition): a stream the batch only reads gets no
-- row, so no unique index would catch it being longer than assumed. Every assumed stream is now checked to end
-- exactly at the assumed revision.
CREATE OR REPLACE FUNCTION append_planned(
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
    -- One backward probe of the (stream_name, stream_revision) index per stream: a scalar subquery, which the planner
    -- cannot turn into a hash of the whole table as it may an EXISTS under OR. -1 means no stream.
    IF EXISTS (SELECT 1 FROM unnest(assumed_streams, assumed_revisions) AS a(s, r)
                WHERE (SELECT e.stream_revision FROM events e WHERE e.stream_name = a.s ORDER BY e.stream_revision DESC LIMIT 1)
                      IS DISTINCT FROM NULLIF(a.r, -1)) THEN
        RAISE EXCEPTION 'a stream is not at the revision assumed' USING ERRCODE = 'RG002';
    END IF;
    INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash)
    SELECT * FROM unnest(positions, streams, revisions, ids, types, datas, metadatas, recorded, hashes);
    PERFORM pg_notify('registry_events', new_position::text);
END $$;

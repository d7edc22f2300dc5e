-- Appends may now be conditioned on other streams' revisions (StreamCondition): a stream the batch only reads gets no
-- row, so no unique index would catch it being longer than assumed. Every assumed stream is now checked both ways:
-- it has the assumed revision (when it is assumed to exist) and nothing after it.
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
    IF EXISTS (SELECT 1 FROM unnest(assumed_streams, assumed_revisions) AS a(s, r)
                WHERE (a.r >= 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_name = a.s AND e.stream_revision = a.r))
                   OR EXISTS (SELECT 1 FROM events e WHERE e.stream_name = a.s AND e.stream_revision = a.r + 1)) THEN
        RAISE EXCEPTION 'a stream is not at the revision assumed' USING ERRCODE = 'RG002';
    END IF;
    INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash)
    SELECT * FROM unnest(positions, streams, revisions, ids, types, datas, metadatas, recorded, hashes);
    PERFORM pg_notify('registry_events', new_position::text);
END $$;

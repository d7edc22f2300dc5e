-- The projection runtime's own tables. Read models live beside them: one set of tables per generation
-- ({table}_g{n}) behind a stable view ({table}) that points at the active generation.

-- One row per projection: which generation serves, who owns it, and a pending rebuild request.
CREATE TABLE projections (
    name                    text   PRIMARY KEY,
    active_generation       bigint NOT NULL, -- the generation the stable views point at
    owner                   text   NULL,     -- the process that last took the lease
    owned_since_us          bigint NULL,
    rebuild_requested_by    text   NULL,     -- set by `registry projections rebuild`, cleared when the owner starts it
    rebuild_requested_at_us bigint NULL
);

-- One row per live generation: the active one, and the one being rebuilt beside it, if any. The position is
-- written in the same transaction as the rows it covers.
CREATE TABLE projection_checkpoints (
    name             text   NOT NULL,
    generation       bigint NOT NULL,
    tables           text   NOT NULL, -- the generation's physical tables, comma-separated (dropped with it)
    version          bigint NOT NULL,
    position         bigint NOT NULL, -- last log position applied (0: none)
    state            text   NOT NULL, -- running | rebuilding | faulted | superseded | stopped
    error            text   NULL,
    faulted_position bigint NULL,
    faulted_event_id text   NULL,
    created_at_us    bigint NOT NULL,
    moved_at_us      bigint NOT NULL, -- when the position last advanced: the frozen-projection check reads it
    updated_at_us    bigint NOT NULL,
    PRIMARY KEY (name, generation)
);

-- Events an operator told a projection to skip (`registry projections skip`): never silently.
CREATE TABLE projection_skips (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text   NOT NULL,
    generation    bigint NOT NULL,
    version       bigint NOT NULL,
    position      bigint NOT NULL,
    event_id      text   NOT NULL,
    event_type    text   NOT NULL,
    error         text   NULL,
    skipped_by    text   NOT NULL,
    skipped_at_us bigint NOT NULL
);
CREATE INDEX ix_projection_skips_name ON projection_skips (name, version);
-- Ownership on PostgreSQL is a session advisory lock per projection, so there is no lease table here.

-- The projection runtime's own tables. Read models live beside them: one set of tables per generation
-- ({table}_g{n}) behind a stable view ({table}) that points at the active generation.

-- One row per projection: which generation serves, who owns it, and a pending rebuild request.
CREATE TABLE projections (
    name                    TEXT    PRIMARY KEY,
    active_generation       INTEGER NOT NULL, -- the generation the stable views point at
    owner                   TEXT    NULL,     -- the process that last took the lease
    owned_since_us          INTEGER NULL,
    rebuild_requested_by    TEXT    NULL,     -- set by `registry projections rebuild`, cleared when the owner starts it
    rebuild_requested_at_us INTEGER NULL
);

-- One row per live generation: the active one, and the one being rebuilt beside it, if any. The position is
-- written in the same transaction as the rows it covers.
CREATE TABLE projection_checkpoints (
    name             TEXT    NOT NULL,
    generation       INTEGER NOT NULL,
    tables           TEXT    NOT NULL, -- the generation's physical tables, comma-separated (dropped with it)
    version          INTEGER NOT NULL,
    position         INTEGER NOT NULL, -- last log position applied (0: none)
    state            TEXT    NOT NULL, -- running | rebuilding | faulted | superseded | stopped
    error            TEXT    NULL,
    faulted_position INTEGER NULL,
    faulted_event_id TEXT    NULL,
    created_at_us    INTEGER NOT NULL,
    moved_at_us      INTEGER NOT NULL, -- when the position last advanced: the frozen-projection check reads it
    updated_at_us    INTEGER NOT NULL,
    PRIMARY KEY (name, generation)
);

-- Events an operator told a projection to skip (`registry projections skip`): never silently.
CREATE TABLE projection_skips (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    generation    INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    event_id      TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    error         TEXT    NULL,
    skipped_by    TEXT    NOT NULL,
    skipped_at_us INTEGER NOT NULL
);
CREATE INDEX ix_projection_skips_name ON projection_skips (name, version);

-- Ownership on SQLite: a lease renewed every few seconds (PostgreSQL uses session advisory locks instead).
CREATE TABLE projection_leases (
    name          TEXT    PRIMARY KEY,
    owner         TEXT    NOT NULL,
    expires_at_us INTEGER NOT NULL
);

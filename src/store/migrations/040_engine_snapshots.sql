-- Engine snapshots (issue 17): the engine's state checkpointed so that start-up replays
-- only the log after it. A snapshot is written in chunks; it counts only once
-- completed_at is set with the checksum of the whole, so a crash mid-write leaves an
-- incomplete row that start-up ignores and the next snapshot removes.
CREATE TABLE engine_snapshots (
  id              BIGSERIAL PRIMARY KEY,
  format          INTEGER NOT NULL,
  -- Hash of the format, the event types, the protocols and versions in force and the configuration.
  compatibility   TEXT NOT NULL,
  last_seq        BIGINT NOT NULL,
  last_action_seq BIGINT NOT NULL,
  started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at    TIMESTAMPTZ,
  raw_bytes       BIGINT,
  stored_bytes    BIGINT,
  chunk_count     INTEGER,
  sha256          TEXT
);
CREATE INDEX engine_snapshots_latest ON engine_snapshots (compatibility, last_seq DESC) WHERE completed_at IS NOT NULL;

CREATE TABLE engine_snapshot_chunks (
  snapshot_id BIGINT NOT NULL REFERENCES engine_snapshots (id) ON DELETE CASCADE,
  n           INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  data        BYTEA NOT NULL,
  PRIMARY KEY (snapshot_id, n)
);
-- Already compressed: stored out of line without a second compression attempt.
ALTER TABLE engine_snapshot_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

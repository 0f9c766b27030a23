-- Sign-in lock-out, audit checkpoints, protocol failure counts and the store's marks.

-- Lock-out, one row per account ('account:<lower-case username>') and per client address
-- ('address:<ip>'). `attempts` are the password checks handed out in the current window
-- (each taken before the check, so a burst cannot race past the limit); `failures` those
-- that failed. The lock ends at `locked_until`, fixed when it begins.
CREATE TABLE sign_in_throttle (
  key            TEXT PRIMARY KEY,
  attempts       INTEGER NOT NULL,
  failures       INTEGER NOT NULL,
  window_started TIMESTAMPTZ NOT NULL,
  locked_until   TIMESTAMPTZ
);
CREATE INDEX sign_in_throttle_locked ON sign_in_throttle (locked_until) WHERE locked_until IS NOT NULL;

-- Signed checkpoints of the audit chain's head. The signing key is kept outside the
-- database, so whoever can rewrite audit_log (and this table) cannot sign a new head.
CREATE TABLE audit_checkpoints (
  number    BIGINT PRIMARY KEY,
  at        TIMESTAMPTZ NOT NULL,
  seq       BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  key_id    TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION threadline_forbid_change();

-- Protocols that threw while the server evaluated live events: counted by protocol,
-- version, what woke it and the kind of error. No message and no person: only counts.
CREATE TABLE protocol_failures (
  protocol   TEXT NOT NULL,
  version    TEXT NOT NULL,
  trigger    TEXT NOT NULL,
  error_type TEXT NOT NULL,
  count      BIGINT NOT NULL,
  first_at   TIMESTAMPTZ NOT NULL,
  last_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (protocol, version, trigger, error_type)
);

-- Facts about the store itself, e.g. that it was created by `serve --demo`.
CREATE TABLE store_marks (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Sign-in, sessions, need-to-know exceptions and the audit of who saw what.

-- Local accounts. `password_hash` is an argon2id hash; it is empty for accounts that an
-- external identity provider (OpenID Connect) signs in.
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN (
                  'midwife', 'health-visitor', 'gp', 'hospital-clinician', 'front-door-worker',
                  'social-worker', 'police', 'probation', 'adult-mental-health',
                  'safeguarding-lead', 'partnership-auditor', 'administrator')),
  agency        TEXT NOT NULL,
  qualified     BOOLEAN NOT NULL DEFAULT false,
  password_hash TEXT,
  disabled      BOOLEAN NOT NULL DEFAULT false,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

-- Every sign-in attempt, for lock-out after repeated failures.
CREATE TABLE sign_in_attempts (
  username  TEXT NOT NULL,
  at        TIMESTAMPTZ NOT NULL,
  succeeded BOOLEAN NOT NULL
);
CREATE INDEX sign_in_attempts_recent ON sign_in_attempts (lower(username), at);

-- Sessions are held by the SHA-256 of the cookie's token, never the token itself.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  ended_at   TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Break-glass: access to a record outside need-to-know, with a stated reason, for a
-- limited time. Append-only: a grant expires, it is never edited.
CREATE TABLE access_grants (
  id         BIGSERIAL PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  subject    TEXT NOT NULL,
  reason     TEXT NOT NULL,
  granted_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_grants_user_subject ON access_grants (user_id, subject, expires_at);
CREATE TRIGGER access_grants_append_only BEFORE UPDATE OR DELETE ON access_grants
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

-- Notifications to a role (e.g. every safeguarding lead is told of each break-glass).
CREATE TABLE notifications (
  id         BIGSERIAL PRIMARY KEY,
  for_role   TEXT NOT NULL,
  kind       TEXT NOT NULL,
  at         TIMESTAMPTZ NOT NULL,
  subject    TEXT,
  actor      TEXT,
  message    TEXT NOT NULL
);
CREATE INDEX notifications_for_role ON notifications (for_role, at);

-- The audit log: every read and write, allowed or refused. Append-only, and each
-- entry's hash is SHA-256(previous hash + canonical entry), so that an entry changed or
-- removed by someone able to bypass the trigger is still detected by `audit verify`.
CREATE TABLE audit_log (
  seq          BIGINT PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  actor        TEXT,
  actor_role   TEXT,
  actor_agency TEXT,
  action       TEXT NOT NULL,
  route        TEXT NOT NULL,
  subject      TEXT,
  outcome      TEXT NOT NULL,
  status       INTEGER NOT NULL,
  detail       TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION threadline_forbid_change();

-- Queries of the practitioners' pages: a user's own caseload, the front-door queue.
CREATE INDEX events_recorded_by_user ON events (recorded_by_user) WHERE recorded_by_user IS NOT NULL;
CREATE INDEX events_type_seq ON events (type, seq);

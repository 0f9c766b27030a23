-- The append-only record. Every agency record is one row; corrections are new rows
-- that name the row they supersede. Nothing here is ever updated or deleted.
CREATE TABLE events (
  seq                   BIGSERIAL PRIMARY KEY,
  idempotency_key       TEXT NOT NULL UNIQUE,
  type                  TEXT NOT NULL,
  subject               TEXT NOT NULL,
  persons               TEXT[] NOT NULL,
  occurred_at           TIMESTAMPTZ NOT NULL,
  recorded_at           TIMESTAMPTZ NOT NULL,
  agency                TEXT,
  recorded_by_role      TEXT,
  recorded_by_qualified BOOLEAN,
  recorded_by_user      TEXT,
  supersedes            TEXT,
  payload               JSONB NOT NULL
);
CREATE INDEX events_persons ON events USING GIN (persons);
CREATE INDEX events_subject_time ON events (subject, occurred_at);

CREATE FUNCTION threadline_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

-- Findings are first-class records. Their status is a projection of finding_actions,
-- written in the same transaction as the action.
CREATE TABLE findings (
  id               TEXT PRIMARY KEY,
  code             TEXT NOT NULL,
  subject          TEXT NOT NULL,
  protocol         TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  severity         TEXT NOT NULL,
  raised_at        TIMESTAMPTZ NOT NULL,
  explanation      TEXT NOT NULL,
  action           TEXT NOT NULL,
  owner            TEXT NOT NULL,
  deadline         TIMESTAMPTZ,
  evidence         TEXT[] NOT NULL,
  requires_referral BOOLEAN NOT NULL DEFAULT false,
  status           TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX findings_subject ON findings (subject);
CREATE INDEX findings_open_by_deadline ON findings (owner, deadline) WHERE status IN ('open', 'acknowledged');

CREATE TABLE finding_actions (
  seq        BIGSERIAL PRIMARY KEY,
  finding_id TEXT NOT NULL REFERENCES findings (id),
  kind       TEXT NOT NULL CHECK (kind IN ('acknowledged', 'actioned', 'closed', 'reopened')),
  at         TIMESTAMPTZ NOT NULL,
  by_user    TEXT NOT NULL,
  by_role    TEXT,
  by_agency  TEXT,
  note       TEXT
);
CREATE INDEX finding_actions_finding ON finding_actions (finding_id, seq);
CREATE TRIGGER finding_actions_append_only BEFORE UPDATE OR DELETE ON finding_actions
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

-- Read projections of the log, for search, the household view and need-to-know.
CREATE TABLE persons (
  id          TEXT PRIMARY KEY,
  role        TEXT NOT NULL,
  sex         TEXT,
  born        TIMESTAMPTZ,
  due         TIMESTAMPTZ,
  given_name  TEXT,
  family_name TEXT,
  nhs_number  TEXT,
  postcode    TEXT,
  area        TEXT,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX persons_family_name ON persons (lower(family_name));
CREATE INDEX persons_nhs_number ON persons (nhs_number);

CREATE TABLE relationships (
  person TEXT NOT NULL,
  of     TEXT NOT NULL,
  kind   TEXT NOT NULL,
  since  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (person, of, kind)
);
CREATE INDEX relationships_of ON relationships (of);

-- Which agencies have recorded anything about each person: the basis of need-to-know.
CREATE TABLE person_agencies (
  person TEXT NOT NULL,
  agency TEXT NOT NULL,
  since  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (person, agency)
);

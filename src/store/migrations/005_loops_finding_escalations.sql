-- Closing the loop (issue 13): findings name the practitioner who owns them, and an overdue
-- finding goes to the owning organisation's safeguarding lead, then the partnership's.

-- The named practitioner (the allocated lead) owning a finding, beside the owning agency.
ALTER TABLE findings ADD COLUMN owner_name TEXT;

-- Each step of a finding's escalation, append-only like finding_actions; rebuilt from the
-- log on start (the engine re-derives the same steps) and written again if lost.
CREATE TABLE finding_escalations (
  seq             BIGSERIAL PRIMARY KEY,
  finding_id      TEXT NOT NULL REFERENCES findings (id),
  level           TEXT NOT NULL CHECK (level IN ('organisation', 'partnership')),
  at              TIMESTAMPTZ NOT NULL,
  to_organisation TEXT NOT NULL,
  UNIQUE (finding_id, level)
);
CREATE TRIGGER finding_escalations_append_only BEFORE UPDATE OR DELETE ON finding_escalations
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

-- A notification may be for one organisation's holders of a role (its safeguarding lead).
ALTER TABLE notifications ADD COLUMN for_agency TEXT;

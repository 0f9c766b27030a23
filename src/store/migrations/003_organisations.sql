-- Organisations, not sectors: each user belongs to an organisation of the partnership
-- (an ODS-style code and a name) of an agency type. The rows are written from the
-- partnership's configuration when the server starts and when accounts are created.
CREATE TABLE organisations (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  agency TEXT NOT NULL
);

-- Accounts made before organisations existed keep NULL and belong to the default
-- organisation of their agency type (src/access/user-directory.ts).
ALTER TABLE users ADD COLUMN organisation TEXT REFERENCES organisations (code);

-- Those who do not own a finding can still add a note to it or challenge it.
ALTER TABLE finding_actions DROP CONSTRAINT finding_actions_kind_check;
ALTER TABLE finding_actions ADD CONSTRAINT finding_actions_kind_check
  CHECK (kind IN ('acknowledged', 'actioned', 'closed', 'reopened', 'noted', 'challenged'));

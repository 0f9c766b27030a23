-- Finding ids were "code:subject:dedupeKey" (some over 100 characters, refused by the
-- router). They are now the first 20 hex digits of SHA-256 over
-- "code|octets of subject|subject|dedupeKey" (src/domain/findings.ts), so a rebuild from
-- the log gives the same ids. Rewrites the stored ids, and the actions that name them.
CREATE TEMP TABLE finding_id_changes AS
  SELECT id AS old_id,
         substr(encode(sha256(convert_to(
           code || '|' || octet_length(subject) || '|' || subject || '|' || substr(id, length(code) + length(subject) + 3),
           'UTF8')), 'hex'), 1, 20) AS new_id
    FROM findings
   WHERE left(id, length(code) + length(subject) + 2) = code || ':' || subject || ':';

ALTER TABLE finding_actions DROP CONSTRAINT finding_actions_finding_id_fkey;
ALTER TABLE finding_actions DISABLE TRIGGER finding_actions_append_only;
UPDATE finding_actions a SET finding_id = c.new_id FROM finding_id_changes c WHERE a.finding_id = c.old_id;
ALTER TABLE finding_actions ENABLE TRIGGER finding_actions_append_only;
-- A store made before the migrations were numbered in one sequence applied 005 (finding
-- escalations) before this one: its steps name findings too. On a fresh store the table
-- does not exist yet, and the findings table is empty.
DO $$
BEGIN
  IF to_regclass('finding_escalations') IS NOT NULL THEN
    ALTER TABLE finding_escalations DROP CONSTRAINT finding_escalations_finding_id_fkey;
    ALTER TABLE finding_escalations DISABLE TRIGGER finding_escalations_append_only;
    UPDATE finding_escalations e SET finding_id = c.new_id FROM finding_id_changes c WHERE e.finding_id = c.old_id;
    ALTER TABLE finding_escalations ENABLE TRIGGER finding_escalations_append_only;
  END IF;
END $$;
UPDATE findings f SET id = c.new_id FROM finding_id_changes c WHERE f.id = c.old_id;
ALTER TABLE finding_actions ADD CONSTRAINT finding_actions_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES findings (id);
DO $$
BEGIN
  IF to_regclass('finding_escalations') IS NOT NULL THEN
    ALTER TABLE finding_escalations ADD CONSTRAINT finding_escalations_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES findings (id);
  END IF;
END $$;
DROP TABLE finding_id_changes;

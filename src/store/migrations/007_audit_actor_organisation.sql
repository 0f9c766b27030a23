-- Audit entries name the actor's organisation as well as its agency type: need-to-know
-- is decided by organisation, so the audit says which practice, team or force read or wrote.
-- Entries written before keep NULL (and their hashes: src/api/audit/audit-entry.ts).
ALTER TABLE audit_log ADD COLUMN actor_organisation TEXT;

import type { AuditEntry } from '../src/api/audit/audit-entry.ts';

/** The i-th of a run of ordinary audit entries (a GP reading children's records), for the audit's store tests. */
export const sampleAuditEntry = (i: number): AuditEntry => ({
  at: Date.UTC(2024, 0, 1, 9, 0, i),
  actor: `user-${i % 3}`,
  actorRole: 'gp',
  actorAgency: 'gp',
  actorOrganisation: 'Y10001',
  action: 'read',
  route: 'GET /api/persons/:id',
  subject: `child-${i}`,
  outcome: 'allowed',
  status: 200,
});

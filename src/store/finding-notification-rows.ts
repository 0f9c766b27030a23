import { owningOrganisation } from '../access/finding-ownership.ts';
import type { Finding } from '../domain/findings.ts';
import type { World } from '../engine/world.ts';
import type { Transaction } from './database.ts';

/** A new finding's notification to the organisation that owns it. */
export interface NewFindingNotification {
  id: number;
  findingId: string;
  subject: string;
  organisation: string;
  severity: Finding['severity'];
  at: number;
}

/**
 * Notifies the owning organisation of each finding newly stored, in the same transaction
 * as the finding, so that a finding is never stored without its notification, however
 * the event arrived. The owner is decided now, as the finding is raised (the organisation
 * most recently involved with the family). Returns the notifications written.
 */
export async function insertFindingNotifications(
  tx: Transaction,
  world: World,
  findings: readonly Finding[],
): Promise<NewFindingNotification[]> {
  const planned = findings.flatMap((finding) => {
    const organisation = owningOrganisation(world, finding);
    return organisation ? [{ finding, organisation: organisation.code }] : [];
  });
  const written: NewFindingNotification[] = [];
  // A few hundred rows a statement: a large import raises thousands of findings at once.
  for (let i = 0; i < planned.length; i += 500) {
    const slice = planned.slice(i, i + 500);
    const params = slice.flatMap(({ finding, organisation }) => [
      finding.id,
      organisation,
      finding.severity,
      new Date(finding.raisedAt).toISOString(),
    ]);
    const values = slice.map((_, n) => `($${4 * n + 1}, $${4 * n + 2}, $${4 * n + 3}, $${4 * n + 4})`).join(', ');
    const { rows } = await tx.query<{ id: number | string; finding_id: string }>(
      `INSERT INTO finding_notifications (finding_id, organisation, severity, at) VALUES ${values} ON CONFLICT (finding_id) DO NOTHING RETURNING id, finding_id`,
      params,
    );
    const byFinding = new Map(slice.map((p) => [p.finding.id, p]));
    for (const row of rows) {
      const { finding, organisation } = byFinding.get(row.finding_id)!;
      written.push({
        id: Number(row.id),
        findingId: finding.id,
        subject: finding.subject,
        organisation,
        severity: finding.severity,
        at: finding.raisedAt,
      });
    }
  }
  return written;
}

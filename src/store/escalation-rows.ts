import type { EscalationStep } from '../engine/engine.ts';
import { agencyName } from '../protocols/support/describe.ts';
import type { Transaction } from './database.ts';

export interface EscalationRow {
  finding_id: string;
  level: 'organisation' | 'partnership';
  at: Date | string;
  to_organisation: string;
}

/** "Overdue finding for child-b (safeguarding referral overdue) sent to the GP's safeguarding lead". */
function message(entry: EscalationStep): string {
  const { finding, step } = entry;
  const whose = step.level === 'organisation' ? `${agencyName(step.to)}'s safeguarding lead` : `the safeguarding lead of ${step.to}`;
  const owner = finding.ownerName ? `${finding.ownerName} (${agencyName(finding.owner)})` : agencyName(finding.owner);
  return `A ${finding.code.replaceAll('-', ' ')} finding about ${finding.subject}, owned by ${owner}, is still open past its deadline: it is escalated to ${whose}.`;
}

/**
 * Writes escalation steps (append-only; a step already stored is not written twice) and
 * tells the safeguarding lead: the owning organisation's, or the partnership's.
 * Returns the steps newly stored.
 */
export async function insertEscalations(tx: Transaction, steps: readonly EscalationStep[]): Promise<EscalationStep[]> {
  const stored: EscalationStep[] = [];
  for (const entry of steps) {
    const at = new Date(entry.step.at).toISOString();
    const { rows } = await tx.query<{ seq: number }>(
      'INSERT INTO finding_escalations (finding_id, level, at, to_organisation) VALUES ($1, $2, $3, $4) ON CONFLICT (finding_id, level) DO NOTHING RETURNING seq',
      [entry.finding.id, entry.step.level, at, entry.step.to],
    );
    if (rows.length === 0) continue;
    await tx.query(
      'INSERT INTO notifications (for_role, for_agency, kind, at, subject, actor, message) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        'safeguarding-lead',
        entry.step.level === 'organisation' ? entry.step.to : null,
        'finding-escalated',
        at,
        entry.finding.subject,
        'threadline',
        message(entry),
      ],
    );
    stored.push(entry);
  }
  return stored;
}

import type { Queryable } from '../../store/database.ts';
import { entryFromRow, type AuditRow, type ChainedEntry } from '../audit/audit-entry.ts';

export interface AuditFilter {
  subject?: string;
  actor?: string;
  outcome?: string;
  limit?: number;
}

export type AuditLine = ChainedEntry & { actorName?: string; actorOrganisationName?: string };

/** Who saw what: newest first, optionally for one person's record or one user. */
export async function auditEntries(db: Queryable, filter: AuditFilter): Promise<AuditLine[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.subject) where.push(`a.subject = $${params.push(filter.subject)}`);
  if (filter.actor) where.push(`a.actor = $${params.push(filter.actor)}`);
  if (filter.outcome) where.push(`a.outcome = $${params.push(filter.outcome)}`);
  params.push(Math.min(filter.limit ?? 200, 1000));
  const { rows } = await db.query<AuditRow & { display_name: string | null; username: string | null; organisation_name: string | null }>(
    `SELECT a.*, u.display_name, u.username, o.name AS organisation_name
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor LEFT JOIN organisations o ON o.code = a.actor_organisation
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    ...entryFromRow(r),
    actorName: r.display_name ?? undefined,
    actorOrganisationName: r.organisation_name ?? undefined,
  }));
}

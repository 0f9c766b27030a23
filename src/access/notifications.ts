import type { Queryable } from '../store/database.ts';
import type { Role } from './roles.ts';

export interface Notification {
  id: number;
  kind: string;
  at: number;
  subject: string | null;
  actor: string | null;
  message: string;
}

/**
 * Notifications for a role; those addressed to an agency type or to one organisation reach
 * only the holders of the role in that agency or organisation.
 */
export async function notificationsFor(
  db: Queryable,
  role: Role,
  agency?: string,
  organisation?: string,
  limit = 200,
): Promise<Notification[]> {
  const { rows } = await db.query<{
    id: number | string;
    kind: string;
    at: Date | string;
    subject: string | null;
    actor: string | null;
    message: string;
  }>(
    `SELECT id, kind, at, subject, actor, message FROM notifications
      WHERE for_role = $1 AND (for_agency IS NULL OR for_agency = $3) AND (for_organisation IS NULL OR for_organisation = $4)
      ORDER BY at DESC, id DESC LIMIT $2`,
    [role, limit, agency ?? null, organisation ?? null],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).getTime() }));
}

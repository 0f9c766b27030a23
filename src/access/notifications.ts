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

/** Notifications for a role; those addressed to one organisation reach only its own holders of the role. */
export async function notificationsFor(db: Queryable, role: Role, agency?: string, limit = 200): Promise<Notification[]> {
  const { rows } = await db.query<{
    id: number | string;
    kind: string;
    at: Date | string;
    subject: string | null;
    actor: string | null;
    message: string;
  }>(
    'SELECT id, kind, at, subject, actor, message FROM notifications WHERE for_role = $1 AND (for_agency IS NULL OR for_agency = $3) ORDER BY at DESC, id DESC LIMIT $2',
    [role, limit, agency ?? null],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).getTime() }));
}

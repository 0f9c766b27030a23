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

export async function notificationsFor(db: Queryable, role: Role, limit = 200): Promise<Notification[]> {
  const { rows } = await db.query<{
    id: number | string;
    kind: string;
    at: Date | string;
    subject: string | null;
    actor: string | null;
    message: string;
  }>('SELECT id, kind, at, subject, actor, message FROM notifications WHERE for_role = $1 ORDER BY at DESC, id DESC LIMIT $2', [
    role,
    limit,
  ]);
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).getTime() }));
}

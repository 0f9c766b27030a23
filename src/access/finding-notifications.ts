import type { Finding } from '../domain/findings.ts';
import type { World } from '../engine/world.ts';
import type { Queryable } from '../store/database.ts';
import type { Principal } from './principal.ts';
import type { RecordAccess } from './record-access.ts';
import { can, type Role } from './roles.ts';

/** Roles whose holders work the findings their organisation owns (acknowledge, action, close): every role that reads records. */
export function worksFindings(role: Role): boolean {
  return can(role, 'record.read');
}

/** A new finding as its owning organisation's practitioner is told of it. */
export interface FindingNotice {
  id: number;
  at: number;
  findingId: string;
  finding?: Finding;
  subject: string;
  /** Whether this user may see the child (need-to-know, decided per person): only then is the child named. */
  mayKnowChild: boolean;
  severity: Finding['severity'];
  acknowledgedAt?: number;
}

interface NoticeRow {
  id: number | string;
  finding_id: string;
  severity: Finding['severity'];
  at: Date | string;
  acknowledged_at: Date | string | null;
}

/** How far back acknowledged notifications are still listed, as "recent". */
export const RECENT_DAYS = 14;

/**
 * The notifications of new findings owned by the user's organisation: every one the
 * user has not acknowledged, and those acknowledged in the last fortnight; newest first.
 */
export async function findingNoticesFor(
  db: Queryable,
  world: World,
  access: RecordAccess,
  principal: Principal,
  now: number,
  limit = 200,
): Promise<FindingNotice[]> {
  if (!worksFindings(principal.role)) return [];
  const since = new Date(now - RECENT_DAYS * 86_400_000).toISOString();
  const { rows } = await db.query<NoticeRow>(
    `SELECT n.id, n.finding_id, n.severity, n.at, a.at AS acknowledged_at
       FROM finding_notifications n
       LEFT JOIN notification_acknowledgements a ON a.notification_id = n.id AND a.user_id = $2
      WHERE n.organisation = $1 AND (a.at IS NULL OR n.at >= $3)
      ORDER BY n.at DESC, n.id DESC LIMIT $4`,
    [principal.organisation, principal.userId, since, limit],
  );
  return rows.map((row) => {
    const finding = world.findingById(row.finding_id);
    const subject = finding?.subject ?? '';
    return {
      id: Number(row.id),
      at: new Date(row.at).getTime(),
      findingId: row.finding_id,
      finding,
      subject,
      mayKnowChild: finding !== undefined && access.knows(principal, subject),
      severity: row.severity,
      acknowledgedAt: row.acknowledged_at === null ? undefined : new Date(row.acknowledged_at).getTime(),
    };
  });
}

/** How many notifications of new findings the user has not acknowledged (the navigation's count). */
export async function unacknowledgedCount(db: Queryable, principal: Principal): Promise<number> {
  if (!worksFindings(principal.role)) return 0;
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM finding_notifications n
      WHERE n.organisation = $1
        AND NOT EXISTS (SELECT 1 FROM notification_acknowledgements a WHERE a.notification_id = n.id AND a.user_id = $2)`,
    [principal.organisation, principal.userId],
  );
  return Number(rows[0].n);
}

/** The notification as its owning organisation's user may act on it; undefined when it is not theirs (or does not exist). */
export async function findingNoticeOf(
  db: Queryable,
  principal: Principal,
  id: number,
): Promise<{ id: number; findingId: string } | undefined> {
  if (!worksFindings(principal.role)) return undefined;
  const { rows } = await db.query<{ id: number | string; finding_id: string }>(
    'SELECT id, finding_id FROM finding_notifications WHERE id = $1 AND organisation = $2',
    [id, principal.organisation],
  );
  return rows[0] ? { id: Number(rows[0].id), findingId: rows[0].finding_id } : undefined;
}

/** Records that the user has read the notification; a second acknowledgement changes nothing. Returns whether it was new. */
export async function acknowledgeFindingNotice(db: Queryable, principal: Principal, id: number, now: number): Promise<boolean> {
  const { rows } = await db.query(
    'INSERT INTO notification_acknowledgements (notification_id, user_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING notification_id',
    [id, principal.userId, new Date(now).toISOString()],
  );
  return rows.length > 0;
}

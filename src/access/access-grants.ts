import type { Database } from '../store/database.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { Principal } from './principal.ts';

export const BREAK_GLASS_MS = 12 * 3_600_000;
export const MIN_REASON_LENGTH = 10;

/**
 * Break-glass: a practitioner opens a record outside need-to-know by stating why. The
 * grant lasts a shift, covers the household, and every safeguarding lead is notified.
 */
export class AccessGrants {
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async grant(principal: Principal, subject: string, reason: string): Promise<{ expiresAt: number }> {
    const text = reason.trim();
    if (text.length < MIN_REASON_LENGTH) {
      throw new ValidationError([{ field: 'reason', reason: `say why you need this record (at least ${MIN_REASON_LENGTH} characters)` }]);
    }
    const at = this.now();
    const expiresAt = at + BREAK_GLASS_MS;
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO access_grants (user_id, subject, reason, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        principal.userId,
        subject,
        text,
        new Date(at).toISOString(),
        new Date(expiresAt).toISOString(),
      ]);
      await tx.query('INSERT INTO notifications (for_role, kind, at, subject, actor, message) VALUES ($1, $2, $3, $4, $5, $6)', [
        'safeguarding-lead',
        'break-glass',
        new Date(at).toISOString(),
        subject,
        principal.userId,
        `${principal.displayName} (${principal.role}, ${principal.agency}, organisation ${principal.organisation}) opened the record of ${subject} outside need-to-know. Reason given: ${text}`,
      ]);
    });
    this.cache.set(`${principal.userId}\u0000${subject}`, expiresAt);
    return { expiresAt };
  }

  /** The people the user holds a current grant on. */
  async subjectsHeldBy(userId: string): Promise<Set<string>> {
    const { rows } = await this.db.query<{ subject: string }>(
      'SELECT DISTINCT subject FROM access_grants WHERE user_id = $1 AND expires_at > $2',
      [userId, new Date(this.now()).toISOString()],
    );
    return new Set(rows.map((r) => r.subject));
  }

  /** Whether the user holds a current grant on any of the given people. */
  async holds(userId: string, subjects: readonly string[]): Promise<boolean> {
    const at = this.now();
    if (subjects.some((s) => (this.cache.get(`${userId}\u0000${s}`) ?? 0) > at)) return true;
    const { rows } = await this.db.query<{ subject: string; expires_at: Date | string }>(
      'SELECT subject, max(expires_at) AS expires_at FROM access_grants WHERE user_id = $1 AND subject = ANY($2) AND expires_at > $3 GROUP BY subject',
      [userId, [...subjects], new Date(at).toISOString()],
    );
    for (const row of rows) this.cache.set(`${userId}\u0000${row.subject}`, new Date(row.expires_at).getTime());
    return rows.length > 0;
  }
}

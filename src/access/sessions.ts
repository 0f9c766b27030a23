import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/database.ts';
import type { OrganisationDirectory } from '../config/organisations.ts';
import type { Principal } from './principal.ts';
import { principalOf, userFromRow, type UserRow } from './user-directory.ts';

export const SESSION_LIFETIME_MS = 8 * 3_600_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions. The browser holds a random 256-bit token; the table holds only
 * its SHA-256, so a copy of the database cannot be used to sign in. Every request looks
 * the session and its account up afresh (one indexed query, nothing cached), so a
 * session ended or an account disabled stops working at once, on every server.
 */
export class SessionStore {
  constructor(
    private readonly db: Queryable,
    private readonly organisations: OrganisationDirectory,
    private readonly now: () => number = Date.now,
  ) {}

  async start(principal: Principal): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    const expiresAt = at + SESSION_LIFETIME_MS;
    await this.db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      digest(token),
      principal.userId,
      new Date(at).toISOString(),
      new Date(expiresAt).toISOString(),
    ]);
    return { token, expiresAt };
  }

  async resolve(token: string | undefined): Promise<Principal | undefined> {
    if (!token || token.length > 100) return undefined;
    const { rows } = await this.db.query<UserRow>(
      `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
      [digest(token), new Date(this.now()).toISOString()],
    );
    return rows[0] ? principalOf(userFromRow(rows[0], this.organisations)) : undefined;
  }

  async end(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.db.query('UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [
      digest(token),
      new Date(this.now()).toISOString(),
    ]);
  }

  /** Ends every session of an account (disabled, or its password reset); returns how many. */
  async endAllFor(userId: string): Promise<number> {
    const { rows } = await this.db.query<{ token_hash: string }>(
      'UPDATE sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL RETURNING token_hash',
      [userId, new Date(this.now()).toISOString()],
    );
    return rows.length;
  }
}

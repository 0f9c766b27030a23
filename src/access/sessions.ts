import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/database.ts';
import type { Principal } from './principal.ts';
import { principalOf, type UserDirectory } from './user-directory.ts';

export const SESSION_LIFETIME_MS = 8 * 3_600_000;
const CACHE_MS = 30_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions. The browser holds a random 256-bit token; the table holds only
 * its SHA-256, so a copy of the database cannot be used to sign in. Lookups are cached
 * briefly in memory; ending a session removes it from the cache at once.
 */
export class SessionStore {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number; checkedAt: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly users: UserDirectory,
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
    const key = digest(token);
    const at = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > at && at - cached.checkedAt < CACHE_MS) return cached.principal;
    this.cache.delete(key);
    const { rows } = await this.db.query<{ user_id: string; expires_at: Date | string }>(
      'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > $2',
      [key, new Date(at).toISOString()],
    );
    if (!rows[0]) return undefined;
    const user = await this.users.byId(rows[0].user_id);
    if (!user || user.disabled) return undefined;
    const principal = principalOf(user);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { principal, expiresAt: new Date(rows[0].expires_at).getTime(), checkedAt: at });
    return principal;
  }

  async end(token: string | undefined): Promise<void> {
    if (!token) return;
    const key = digest(token);
    this.cache.delete(key);
    await this.db.query('UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [
      key,
      new Date(this.now()).toISOString(),
    ]);
  }
}

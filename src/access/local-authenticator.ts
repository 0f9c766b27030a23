import type { Queryable } from '../store/database.ts';
import type { Authenticator, SignInResult } from './authenticator.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { principalOf, type UserDirectory } from './user-directory.ts';

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Local accounts: argon2id passwords, and lock-out after `maxFailures` failed attempts
 * within `windowMs` (even the right password is refused until the window has passed).
 */
export class LocalAuthenticator implements Authenticator {
  readonly kind = 'local';

  constructor(
    private readonly db: Queryable,
    private readonly users: UserDirectory,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
  ) {}

  async signIn({ username, password }: { username: string; password: string }): Promise<SignInResult> {
    const at = this.now();
    const since = new Date(at - this.policy.windowMs).toISOString();
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sign_in_attempts WHERE lower(username) = lower($1) AND at > $2 AND NOT succeeded',
      [username, since],
    );
    if (rows[0].n >= this.policy.maxFailures) {
      await this.attempt(username, at, false);
      return { ok: false, reason: 'locked' };
    }
    const user = await this.users.byUsername(username);
    const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
    await this.attempt(username, at, valid);
    if (!valid || !user) return { ok: false, reason: 'invalid' };
    if (user.disabled) return { ok: false, reason: 'disabled' };
    return { ok: true, principal: principalOf(user) };
  }

  private async attempt(username: string, at: number, succeeded: boolean): Promise<void> {
    await this.db.query('INSERT INTO sign_in_attempts (username, at, succeeded) VALUES ($1, $2, $3)', [
      username.slice(0, 200),
      new Date(at).toISOString(),
      succeeded,
    ]);
  }
}

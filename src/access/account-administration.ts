import { randomBytes } from 'node:crypto';
import { notFound } from '../api/errors.ts';
import type { SessionStore } from './sessions.ts';
import type { Lock, SignInThrottle } from './sign-in-throttle.ts';
import type { UserDirectory, UserRecord } from './user-directory.ts';

export interface AccountState extends UserRecord {
  /** When the account's sign-in lock ends, if it is locked now. */
  lockedUntil?: number;
}

/**
 * What an administrator does to accounts: see who is locked, unlock, disable (every
 * session ends at once), re-enable, and reset a password (to a new one shown once; every
 * session ends and any lock is lifted). Each is a request on an audited route.
 */
export class AccountAdministration {
  constructor(
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly throttle: SignInThrottle | undefined,
    private readonly now: () => number,
  ) {}

  async list(): Promise<{ accounts: AccountState[]; addresses: Lock[] }> {
    const locks = (await this.throttle?.locks(this.now())) ?? [];
    const accountLocks = new Map(locks.filter((l) => l.kind === 'account').map((l) => [l.name, l.lockedUntil]));
    const accounts = (await this.users.list()).map((user) => ({ ...user, lockedUntil: accountLocks.get(user.username.toLowerCase()) }));
    return { accounts, addresses: locks.filter((l) => l.kind === 'address') };
  }

  private async account(userId: string): Promise<UserRecord> {
    const user = await this.users.byId(userId);
    if (!user) throw notFound('That account');
    return user;
  }

  async unlock(userId: string): Promise<UserRecord> {
    const user = await this.account(userId);
    await this.throttle?.unlock({ kind: 'account', name: user.username });
    return user;
  }

  async unlockAddress(address: string): Promise<boolean> {
    return (await this.throttle?.unlock({ kind: 'address', name: address })) ?? false;
  }

  /** Disables the account and ends its sessions in the same breath: it is signed out everywhere at once. */
  async disable(userId: string): Promise<{ user: UserRecord; sessionsEnded: number }> {
    const user = await this.account(userId);
    await this.users.setDisabled(user.userId, true);
    return { user, sessionsEnded: await this.sessions.endAllFor(user.userId) };
  }

  async enable(userId: string): Promise<UserRecord> {
    const user = await this.account(userId);
    await this.users.setDisabled(user.userId, false);
    return user;
  }

  /** A new password (shown once to the administrator, to give to the user), sessions ended, lock lifted. */
  async resetPassword(userId: string): Promise<{ user: UserRecord; password: string; sessionsEnded: number }> {
    const user = await this.account(userId);
    const password = randomBytes(12).toString('base64url');
    await this.users.setPassword(user.userId, password);
    const sessionsEnded = await this.sessions.endAllFor(user.userId);
    await this.throttle?.unlock({ kind: 'account', name: user.username });
    return { user, password, sessionsEnded };
  }
}

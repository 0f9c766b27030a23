import type { Database } from '../store/database.ts';
import type { Authenticator, Credentials, SignInResult } from './authenticator.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { DEFAULT_LOCKOUT, SignInThrottle, type LockoutPolicy } from './sign-in-throttle.ts';
import { principalOf, type UserDirectory } from './user-directory.ts';

/** How a password is checked; tests count the checks. */
export interface PasswordChecker {
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the time of one check when there is no account, so unknown names answer no faster. */
  verifyAgainstNothing(password: string): Promise<false>;
}

export const ARGON2_CHECKER: PasswordChecker = { verify: verifyPassword, verifyAgainstNothing };

/**
 * Local accounts: argon2id passwords behind an atomic lock-out per account and per
 * client address (see SignInThrottle). A locked account refuses even the right password
 * until its fixed lock period ends or an administrator unlocks it; unknown usernames are
 * counted and locked like real ones, so lock-out says nothing about which names exist.
 */
export class LocalAuthenticator implements Authenticator {
  readonly kind = 'local';
  readonly throttle: SignInThrottle;

  constructor(
    db: Database,
    private readonly users: UserDirectory,
    policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
    private readonly passwords: PasswordChecker = ARGON2_CHECKER,
  ) {
    this.throttle = new SignInThrottle(db, policy);
  }

  async signIn({ username, password, address }: Credentials): Promise<SignInResult> {
    const account = username.slice(0, 200);
    const reservation = await this.throttle.reserve(account, address, this.now());
    if (!reservation.granted)
      return { ok: false, reason: reservation.lockedBy === 'account' ? 'locked' : 'address-locked', until: reservation.until };
    const user = await this.users.byUsername(username);
    const valid = user?.passwordHash
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstNothing(password);
    await this.throttle.settle(account, address, valid, this.now());
    if (!valid || !user) return { ok: false, reason: 'invalid' };
    if (user.disabled) return { ok: false, reason: 'disabled' };
    return { ok: true, principal: principalOf(user) };
  }
}

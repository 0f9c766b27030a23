import type { Database, Transaction } from '../store/database.ts';

export interface LockoutPolicy {
  /** Failed attempts on one account within the window before it is locked. */
  maxFailures: number;
  /** Failed attempts from one client address within the window before it is locked. */
  maxFailuresPerAddress: number;
  /** The window over which failures are counted. */
  windowMs: number;
  /** How long a lock lasts: fixed when it begins, never extended by later attempts. */
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  maxFailures: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export type ThrottleKey = { kind: 'account'; name: string } | { kind: 'address'; name: string };

export type Reservation = { granted: true } | { granted: false; lockedBy: ThrottleKey['kind']; until: number };

export interface Lock {
  kind: ThrottleKey['kind'];
  name: string;
  failures: number;
  lockedUntil: number;
}

interface ThrottleRow {
  attempts: number;
  failures: number;
  window_started: Date | string;
  locked_until: Date | string | null;
}

interface Counter {
  attempts: number;
  failures: number;
  windowStarted: number;
  lockedUntil: number | null;
}

const keyText = (key: ThrottleKey) => `${key.kind}:${key.kind === 'account' ? key.name.toLowerCase() : key.name}`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Lock-out counted atomically in the database, so it holds across concurrent requests
 * and across servers sharing one database. A password check is handed out (a slot in
 * the window) before the check is made, inside a transaction that locks the account's
 * and the address's rows: a burst of parallel attempts gets at most the limit's worth
 * of checks, whatever their timing. A lock lasts a fixed period from when it began.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Database,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  private limit(key: ThrottleKey): number {
    return key.kind === 'account' ? this.policy.maxFailures : this.policy.maxFailuresPerAddress;
  }

  /** The counter as it stands at `at`: an expired lock or window starts afresh. */
  private async load(tx: Transaction, key: ThrottleKey, at: number): Promise<Counter> {
    await tx.query(
      'INSERT INTO sign_in_throttle (key, attempts, failures, window_started) VALUES ($1, 0, 0, $2) ON CONFLICT (key) DO NOTHING',
      [keyText(key), iso(at)],
    );
    const { rows } = await tx.query<ThrottleRow>(
      'SELECT attempts, failures, window_started, locked_until FROM sign_in_throttle WHERE key = $1 FOR UPDATE',
      [keyText(key)],
    );
    const row = rows[0];
    const counter: Counter = {
      attempts: row.attempts,
      failures: row.failures,
      windowStarted: new Date(row.window_started).getTime(),
      lockedUntil: row.locked_until === null ? null : new Date(row.locked_until).getTime(),
    };
    const lockOver = counter.lockedUntil !== null && counter.lockedUntil <= at;
    const windowOver = counter.lockedUntil === null && at - counter.windowStarted > this.policy.windowMs;
    return lockOver || windowOver ? { attempts: 0, failures: 0, windowStarted: at, lockedUntil: null } : counter;
  }

  private async save(tx: Transaction, key: ThrottleKey, counter: Counter): Promise<void> {
    await tx.query('UPDATE sign_in_throttle SET attempts = $2, failures = $3, window_started = $4, locked_until = $5 WHERE key = $1', [
      keyText(key),
      counter.attempts,
      counter.failures,
      iso(counter.windowStarted),
      iso(counter.lockedUntil),
    ]);
  }

  /**
   * Takes a password check for the account from the address, or says which is locked
   * and until when. The address is asked first: an address that is locked out cannot
   * lock accounts. An attempt on an account already locked is refused without a check
   * and is not counted against the address: it guesses nothing and locks nothing more,
   * and one person retrying behind a shared network address (a hospital's) must not
   * lock out everyone else there.
   */
  reserve(account: string, address: string, at: number): Promise<Reservation> {
    const keys: ThrottleKey[] = [
      { kind: 'address', name: address },
      { kind: 'account', name: account },
    ];
    return this.db.transaction(async (tx) => {
      const counters: Counter[] = [];
      for (const key of keys) counters.push(await this.load(tx, key, at));
      const [byAddress, byAccount] = counters;
      let refusal: Reservation | undefined;
      if (byAddress.lockedUntil !== null) refusal = { granted: false, lockedBy: 'address', until: byAddress.lockedUntil };
      else if (byAddress.attempts >= this.limit(keys[0])) refusal = { granted: false, lockedBy: 'address', until: at + this.policy.lockMs };
      else if (byAccount.lockedUntil !== null) refusal = { granted: false, lockedBy: 'account', until: byAccount.lockedUntil };
      // Every check is taken, some still running: refused, without starting a lock of its own.
      else if (byAccount.attempts >= this.limit(keys[1])) refusal = { granted: false, lockedBy: 'account', until: at + this.policy.lockMs };
      if (!refusal) for (const counter of counters) counter.attempts += 1;
      for (const [i, key] of keys.entries()) await this.save(tx, key, counters[i]);
      return refusal ?? { granted: true };
    });
  }

  private fail(key: ThrottleKey, counter: Counter, at: number): void {
    counter.failures += 1;
    counter.attempts = Math.max(counter.attempts, counter.failures);
    if (counter.failures >= this.limit(key) && counter.lockedUntil === null) counter.lockedUntil = at + this.policy.lockMs;
  }

  /** Records the outcome of a check handed out by `reserve`. */
  settle(account: string, address: string, succeeded: boolean, at: number): Promise<void> {
    const keys: ThrottleKey[] = [
      { kind: 'address', name: address },
      { kind: 'account', name: account },
    ];
    return this.db.transaction(async (tx) => {
      for (const key of keys) {
        const counter = await this.load(tx, key, at);
        if (!succeeded) this.fail(key, counter, at);
        else if (key.kind === 'account') Object.assign(counter, { attempts: 0, failures: 0, windowStarted: at, lockedUntil: null });
        else counter.attempts = Math.max(counter.failures, counter.attempts - 1);
        await this.save(tx, key, counter);
      }
    });
  }

  /** Accounts and addresses locked at `at`. */
  async locks(at: number): Promise<Lock[]> {
    const { rows } = await this.db.query<{ key: string; failures: number; locked_until: Date | string }>(
      'SELECT key, failures, locked_until FROM sign_in_throttle WHERE locked_until > $1 ORDER BY locked_until DESC, key',
      [iso(at)],
    );
    return rows.map((row) => {
      const [kind, ...rest] = row.key.split(':');
      return {
        kind: kind as Lock['kind'],
        name: rest.join(':'),
        failures: row.failures,
        lockedUntil: new Date(row.locked_until).getTime(),
      };
    });
  }

  /** Lifts an account's lock and forgets its failures (an administrator's decision). */
  async unlock(key: ThrottleKey): Promise<boolean> {
    const { rows } = await this.db.query<{ key: string }>('DELETE FROM sign_in_throttle WHERE key = $1 RETURNING key', [keyText(key)]);
    return rows.length > 0;
  }
}

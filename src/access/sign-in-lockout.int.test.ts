import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../test/store-targets.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../server/test-app.ts';
import { ARGON2_CHECKER, type PasswordChecker } from './local-authenticator.ts';
import { DEFAULT_LOCKOUT } from './sign-in-throttle.ts';

const MINUTE = 60_000;

/** Password checks that are counted, and held until released, so a burst is truly in flight together. */
function gatedChecker(): PasswordChecker & { checks: number; release(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const checker = {
    checks: 0,
    release: () => open(),
    async verify(hash: string, password: string) {
      checker.checks++;
      await gate;
      return ARGON2_CHECKER.verify(hash, password);
    },
    async verifyAgainstNothing(password: string) {
      checker.checks++;
      await gate;
      return ARGON2_CHECKER.verifyAgainstNothing(password);
    },
  };
  return checker;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function signInRequest(t: TestApp, csrf: { cookie: string; token: string }, username: string, password: string, address = '198.51.100.7') {
  return t.app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: address,
    headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token, 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password }),
  });
}

for (const target of STORE_TARGETS) {
  describe(`sign-in lock-out on ${target.name}`, () => {
    test(`probe: sign-in: a parallel burst of 100 wrong passwords gets no more than 5 password checks, and the right password inside the burst does not sign in (${target.name})`, async () => {
      const { location, cleanup } = await target.create();
      const checker = gatedChecker();
      let now = Date.UTC(2026, 0, 5, 9, 0);
      const t = await startTestApp({
        location,
        events: [],
        services: { passwords: checker, now: () => now },
        app: { signInRateLimit: { max: 10_000, timeWindowMs: MINUTE } },
      });
      try {
        const csrf = await t.csrf();
        let settled = 0;
        const burst = Array.from({ length: 100 }, (_, i) =>
          signInRequest(t, csrf, 'gp-user', `wrong guess ${i}`).then((response) => {
            settled++;
            return response;
          }),
        );
        // Five checks are handed out and held in flight; every other attempt is refused without one.
        await until(() => checker.checks === DEFAULT_LOCKOUT.maxFailures && settled === 100 - DEFAULT_LOCKOUT.maxFailures, 'the burst');
        const rightInsideBurst = await signInRequest(t, csrf, 'gp-user', TEST_PASSWORD);
        assert.equal(rightInsideBurst.statusCode, 401, 'the right password inside the burst does not sign in');
        assert.match(rightInsideBurst.json().detail, /locked/);
        checker.release();
        const responses = await Promise.all(burst);
        assert.ok(responses.every((r) => r.statusCode === 401));
        assert.equal(checker.checks, DEFAULT_LOCKOUT.maxFailures, 'no more than the limit of password checks');

        // The lock lasts a fixed period from when it began: attempts during it do not extend it.
        const lockBegan = now;
        for (const minutes of [5, 10, 14]) {
          now = lockBegan + minutes * MINUTE;
          const during = await signInRequest(t, csrf, 'gp-user', TEST_PASSWORD, `198.51.100.${minutes}`);
          assert.equal(during.statusCode, 401, `still locked after ${minutes} minutes`);
        }
        assert.equal(checker.checks, DEFAULT_LOCKOUT.maxFailures, 'no check while locked');
        now = lockBegan + DEFAULT_LOCKOUT.lockMs + 1_000;
        const after = await signInRequest(t, csrf, 'gp-user', TEST_PASSWORD, '198.51.100.99');
        assert.equal(after.statusCode, 200, 'the lock ends when its fixed period ends');
      } finally {
        checker.release();
        await t.close();
        await cleanup();
      }
    });

    test(`probe: sign-in: one client address is locked after 20 failures across any accounts, and cannot lock more; others are unaffected (${target.name})`, async () => {
      const { location, cleanup } = await target.create();
      const now = Date.UTC(2026, 0, 5, 9, 0);
      const t = await startTestApp({
        location,
        events: [],
        services: { now: () => now },
        app: { signInRateLimit: { max: 10_000, timeWindowMs: MINUTE } },
      });
      try {
        const csrf = await t.csrf();
        const attacker = '203.0.113.5';
        // Four accounts get four wrong guesses each (none locked), then the address's budget is spent on names that do not exist.
        const named = ['midwife-user', 'police-user', 'probation-user', 'health-visitor-user'];
        const guesses = [
          ...named.flatMap((u) => [1, 2, 3, 4].map((i) => [u, `guess ${i}`])),
          ...[1, 2, 3, 4].map((i) => [`nobody-${i}`, 'x']),
        ];
        assert.equal(guesses.length, DEFAULT_LOCKOUT.maxFailuresPerAddress);
        await Promise.all(guesses.map(([user, password]) => signInRequest(t, csrf, user, password, attacker)));
        const blocked = await signInRequest(t, csrf, 'midwife-user', 'a fifth guess', attacker);
        assert.equal(blocked.statusCode, 401);
        assert.match(blocked.json().detail, /too many failed attempts to sign in from your network/i);
        // The fifth guess never reached the account: the midwife still signs in from her own address.
        const midwife = await signInRequest(t, csrf, 'midwife-user', TEST_PASSWORD, '192.0.2.10');
        assert.equal(midwife.statusCode, 200);
        const locks = await t.services.accounts.list();
        assert.deepEqual(
          locks.addresses.map((l) => l.name),
          [attacker],
        );
        assert.ok(
          locks.accounts.every((a) => a.lockedUntil === undefined),
          'no account is locked by the attacker',
        );
      } finally {
        await t.close();
        await cleanup();
      }
    });
  });
}

// Support for tests that call the API as particular users, including users of
// organisations other than each role's default one.
import type { LightMyRequestResponse } from 'fastify';
import type { Principal } from '../access/principal.ts';
import type { Role } from '../access/roles.ts';
import { principalOf } from '../access/user-directory.ts';
import { SESSION_COOKIE } from '../api/authenticate.ts';
import { TEST_PASSWORD, type TestApp } from './test-app.ts';

export type Caller = Role | Principal;
export type Call = (who: Caller, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => Promise<LightMyRequestResponse>;

/** A function that sends one JSON request as a user (a role's test user, or any principal), with a new session and its CSRF token. */
export function apiCaller(t: TestApp): Call {
  return async (who, method, url, body) => {
    const principal = typeof who === 'string' ? t.users[who] : who;
    const session = `${SESSION_COOKIE}=${(await t.services.sessions.start(principal)).token}`;
    // The CSRF token is bound to the session.
    const csrf = await t.csrf(session);
    const headers: Record<string, string> = {
      cookie: `${csrf.cookie}; ${session}`,
      'x-csrf-token': csrf.token,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return t.app.inject({ method, url, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
  };
}

/** Creates an account of a role in a given organisation (by code). */
export async function userIn(t: TestApp, username: string, role: Role, organisation: string): Promise<Principal> {
  return principalOf(
    await t.services.users.create({
      username,
      displayName: `Test ${username}`,
      role,
      organisation,
      qualified: true,
      password: TEST_PASSWORD,
    }),
  );
}

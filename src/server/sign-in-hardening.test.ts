import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { recentDate, startTestApp, TEST_PASSWORD, type TestApp } from './test-app.ts';
import { createServices } from './services.ts';
import { buildApp } from './build-app.ts';
import { auditEntries } from '../api/read/audit-view.ts';

const cookiesOf = (response: LightMyRequestResponse) => [response.headers['set-cookie'] ?? []].flat().map(String);
const cookieNamed = (response: LightMyRequestResponse, name: string) => cookiesOf(response).find((c) => c.startsWith(`${name}=`));
const pair = (setCookie: string | undefined) => String(setCookie).split(';')[0];

async function signIn(app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) {
  const token = await app.inject({ method: 'GET', url: '/api/csrf-token', headers });
  const csrfCookie = pair(cookieNamed(token, '_csrf'));
  return app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { ...headers, cookie: csrfCookie, 'x-csrf-token': token.json().token, 'content-type': 'application/json' },
    payload: JSON.stringify({ username, password }),
  });
}

describe('sign-in hardening', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ app: { trustProxy: true, signInRateLimit: { max: 1_000, timeWindowMs: 60_000 } } });
  });
  after(() => t.close());

  async function adminPost(url: string, body: Record<string, string> = {}) {
    const session = await t.sessionCookie('administrator');
    const csrf = await t.csrf(session);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: `${csrf.cookie}; ${session}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...body, _csrf: csrf.token }).toString(),
    });
  }

  test('probe: sign-in: sign-in is rate limited per client address (429 problem document on the API, a page in words on the web)', async () => {
    const limited = await startTestApp({ events: [], app: { signInRateLimit: { max: 3, timeWindowMs: 60_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await signIn(limited.app, 'gp-user', `wrong ${i}`)).statusCode);
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      const api = await signIn(limited.app, 'gp-user', TEST_PASSWORD);
      assert.equal(api.statusCode, 429);
      assert.equal(api.json().type, 'urn:threadline:problem:too-many-requests');
      assert.ok(api.headers['retry-after'], 'says when to retry');
      const pageAttempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/sign-in',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'username=gp-user&password=x',
        });
      for (let i = 0; i < 3; i++) assert.notEqual((await pageAttempt()).statusCode, 429);
      const page = await pageAttempt();
      assert.equal(page.statusCode, 429);
      assert.match(page.body, /Too many attempts/);
      const other = await limited.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '192.0.2.44' });
      assert.notEqual(other.statusCode, 429, 'another address is not limited');
    } finally {
      await limited.close();
    }
  });

  test("probe: sign-in: a disabled user's sessions end at once, on every server sharing the store (no cache window)", async () => {
    const second = await buildApp(createServices(t.services.db, t.services.store));
    try {
      const session = await t.sessionCookie('probation');
      const me = () => second.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } });
      assert.equal((await me()).statusCode, 200);
      const disabled = await adminPost(`/admin/users/${t.users.probation.userId}/disable`);
      assert.equal(disabled.statusCode, 303);
      assert.equal((await me()).statusCode, 401, 'refused on the other server at once');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } })).statusCode, 401);
      assert.equal((await signIn(t.app, 'probation-user', TEST_PASSWORD)).statusCode, 401, 'cannot sign in again');
      await adminPost(`/admin/users/${t.users.probation.userId}/enable`);
      assert.equal((await signIn(t.app, 'probation-user', TEST_PASSWORD)).statusCode, 200);
      await t.services.audit.drain();
      const entries = await auditEntries(t.services.db, { actor: t.users.administrator.userId });
      assert.ok(entries.some((e) => e.action === 'account' && /disabled account probation-user; 1 sessions ended/.test(e.detail ?? '')));
    } finally {
      await second.close();
    }
  });

  test('probe: sign-in: administrators see who is locked and unlock, and a password reset ends sessions and lifts the lock (pages without JavaScript, audited)', async () => {
    for (let i = 0; i < 5; i++) await signIn(t.app, 'police-user', `wrong ${i}`);
    assert.match((await signIn(t.app, 'police-user', TEST_PASSWORD)).json().detail, /locked/);
    const admin = await t.sessionCookie('administrator');
    const locks = await t.app.inject({ method: 'GET', url: '/admin/locks', headers: { cookie: admin } });
    assert.equal(locks.statusCode, 200);
    assert.match(locks.body, /police-user/);
    const list = await t.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin } });
    assert.match(list.body, /1 account is locked/);
    assert.equal((await adminPost(`/admin/users/${t.users.police.userId}/unlock`)).statusCode, 303);
    assert.equal((await signIn(t.app, 'police-user', TEST_PASSWORD)).statusCode, 200, 'unlocked');

    const session = await t.sessionCookie('police');
    for (let i = 0; i < 5; i++) await signIn(t.app, 'police-user', `wrong again ${i}`);
    const reset = await adminPost(`/admin/users/${t.users.police.userId}/reset-password`);
    assert.equal(reset.statusCode, 200);
    const password = /<code class="tl-secret">([^<]+)<\/code>/.exec(reset.body)?.[1];
    assert.ok(password, 'the new password is shown once');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } })).statusCode, 401, 'sessions ended');
    assert.equal((await signIn(t.app, 'police-user', TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
    assert.equal((await signIn(t.app, 'police-user', password)).statusCode, 200, 'the new one does, the lock lifted');
    await t.services.audit.drain();
    const entries = await auditEntries(t.services.db, { actor: t.users.administrator.userId });
    assert.ok(entries.some((e) => e.action === 'account' && e.detail === 'unlocked account police-user'));
    assert.ok(entries.some((e) => e.action === 'account' && /reset the password of account police-user/.test(e.detail ?? '')));
    assert.ok(
      entries.every((e) => !(e.detail ?? '').includes(password)),
      'the password is never audited',
    );
  });

  test('probe: sign-in: behind a trusted TLS proxy the session and CSRF cookies are Secure; a forged X-Forwarded-Proto is ignored without trust', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const signedIn = await signIn(t.app, 'gp-user', TEST_PASSWORD, https);
    assert.equal(signedIn.statusCode, 200);
    assert.match(String(cookieNamed(signedIn, 'tl_session')), /; Secure/);
    assert.match(String(cookieNamed(signedIn, '_csrf')), /; Secure/);
    const untrusting = await startTestApp({ events: [] });
    try {
      const plain = await signIn(untrusting.app, 'gp-user', TEST_PASSWORD, https);
      assert.equal(plain.statusCode, 200);
      assert.doesNotMatch(String(cookieNamed(plain, 'tl_session')), /Secure/);
    } finally {
      await untrusting.close();
    }
  });

  test('probe: sign-in: served over TLS directly, the cookies are Secure', async () => {
    const tls = await startTestApp({
      events: [],
      app: { https: { key: readFileSync('test/tls/localhost-key.pem'), cert: readFileSync('test/tls/localhost-cert.pem') } },
    });
    try {
      const address = await tls.app.listen({ port: 0, host: '127.0.0.1' });
      const setCookie = await new Promise<string[]>((resolve, reject) => {
        const req = httpsRequest(`${address}/api/csrf-token`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve([res.headers['set-cookie'] ?? []].flat());
        });
        req.on('error', reject);
        req.end();
      });
      assert.match(address, /^https:/);
      assert.match(
        setCookie.find((c) => c.startsWith('_csrf='))!,
        /; Secure/,
      );
    } finally {
      await tls.close();
    }
  });

  test('probe: sign-in: the CSRF token is bound to the session, and the secret is replaced at sign-in', async () => {
    const mine = await t.sessionCookie('gp');
    const theirs = await t.sessionCookie('midwife');
    const csrf = await t.csrf(theirs);
    const post = (session: string, token: string, cookie = csrf.cookie) =>
      t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie: `${cookie}; ${session}`, 'x-csrf-token': token, 'content-type': 'application/json' },
        payload: JSON.stringify({ type: 'contact', at: recentDate(), person: 'known-baby', kind: 'clinic' }),
      });
    assert.equal((await post(mine, csrf.token)).statusCode, 403, "another session's token is refused");
    assert.equal((await post(theirs, csrf.token)).statusCode, 201, 'the same token in its own session works');

    const before = await t.app.inject({ method: 'GET', url: '/api/csrf-token' });
    const plantedCookie = pair(cookieNamed(before, '_csrf'));
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: plantedCookie, 'x-csrf-token': before.json().token, 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'gp-user', password: TEST_PASSWORD }),
    });
    assert.equal(signedIn.statusCode, 200);
    const rotated = pair(cookieNamed(signedIn, '_csrf'));
    assert.ok(rotated && rotated !== plantedCookie, 'a new CSRF secret is set at sign-in');
    const session = pair(cookieNamed(signedIn, 'tl_session'));
    assert.equal(
      (await post(session, signedIn.json().csrfToken, plantedCookie)).statusCode,
      403,
      'the secret known before sign-in is dead',
    );
    assert.equal((await post(session, signedIn.json().csrfToken, rotated)).statusCode, 201, 'the token issued at sign-in works');
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '../access/roles.ts';
import { recentDate, startTestApp, TEST_PASSWORD, type TestApp } from '../server/test-app.ts';

const RECENT = recentDate();
import { auditEntries } from './read/audit-view.ts';
import { notificationsFor } from '../access/notifications.ts';
import { verifyAuditChain } from './audit/verify-chain.ts';

describe('need-to-know, break-glass, audit, validation, CSRF, lock-out and logs', () => {
  let t: TestApp;
  const logs: string[] = [];
  before(async () => {
    t = await startTestApp({ app: { trustProxy: true, logStream: { write: (line) => void logs.push(line) } } });
  });
  after(() => t.close());

  async function call(role: Role | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, withCsrf = true) {
    const session = role ? await t.sessionCookie(role) : undefined;
    const csrf = await t.csrf(session);
    const cookies = [csrf.cookie, ...(session ? [session] : [])];
    const headers: Record<string, string> = { cookie: cookies.join('; ') };
    if (withCsrf) headers['x-csrf-token'] = csrf.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return t.app.inject({ method, url, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
  }

  test('an uninvolved agency is refused, and the refusal is audited', async () => {
    const refused = await call('police', 'GET', '/api/persons/quiet-baby');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().detail, /not involved/);
    assert.equal((await call('midwife', 'GET', '/api/persons/quiet-baby')).statusCode, 200);
    assert.equal((await call('front-door-worker', 'GET', '/api/persons/quiet-baby')).statusCode, 200);
    await t.services.audit.drain();
    const entries = await auditEntries(t.services.db, { subject: 'quiet-baby', actor: t.users.police.userId });
    assert.equal(entries[0]?.outcome, 'refused');
    assert.equal(entries[0]?.route, 'GET /api/persons/:id');
    assert.equal(entries[0]?.actorOrganisation, t.users.police.organisation, 'the audit names the organisation, not only its type');
    assert.equal(entries[0]?.actorOrganisationName, 'Riverside Constabulary');
  });

  test('break-glass needs a reason, then opens the household, is audited and notified to safeguarding leads', async () => {
    const tooShort = await call('police', 'POST', '/api/persons/quiet-baby/break-glass', { reason: 'need' });
    assert.equal(tooShort.statusCode, 400);
    assert.equal(tooShort.json().errors[0].field, 'reason');
    const granted = await call('police', 'POST', '/api/persons/quiet-baby/break-glass', {
      reason: 'Domestic incident reported at the address tonight',
    });
    assert.equal(granted.statusCode, 201);
    assert.equal((await call('police', 'GET', '/api/persons/quiet-baby')).statusCode, 200);
    assert.equal((await call('police', 'GET', '/api/persons/quiet-mum')).statusCode, 200, 'the grant covers the household');
    assert.equal((await call('probation', 'GET', '/api/persons/quiet-baby')).statusCode, 403, 'the grant is personal');
    await t.services.audit.drain();
    const entries = await auditEntries(t.services.db, { subject: 'quiet-baby', actor: t.users.police.userId });
    assert.ok(entries.some((e) => e.action === 'break-glass' && e.outcome === 'allowed' && /Domestic incident/.test(e.detail ?? '')));
    assert.ok(entries.some((e) => e.action === 'read' && e.outcome === 'allowed' && e.detail === 'through break-glass'));
    const notes = await notificationsFor(t.services.db, 'safeguarding-lead');
    assert.ok(notes.some((n) => n.subject === 'quiet-baby' && /Domestic incident/.test(n.message)));
    assert.equal((await call('safeguarding-lead', 'GET', '/api/notifications')).json().notifications.length, notes.length);
  });

  test('bad events are refused with the field named and nothing stored', async () => {
    const count = async () => (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const before = await count();
    const bad = await call('gp', 'POST', '/api/events', {
      type: 'measurement',
      at: RECENT,
      person: 'known-baby',
      kind: 'wieght',
      value: 4,
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().errors.map((e: { field: string }) => e.field),
      ['kind'],
    );
    const unknownType = await call('gp', 'POST', '/api/events', { type: 'nonsense', at: RECENT });
    assert.equal(unknownType.statusCode, 400);
    assert.equal(unknownType.json().errors[0].field, 'type');
    const unknownPerson = await call('gp', 'POST', '/api/events', { type: 'contact', at: RECENT, person: 'nobody', kind: 'clinic' });
    assert.equal(unknownPerson.statusCode, 400);
    assert.equal(unknownPerson.json().errors[0].field, 'person');
    assert.equal(await count(), before);
    const asOther = await call('gp', 'POST', '/api/events', {
      type: 'contact',
      at: RECENT,
      person: 'known-baby',
      kind: 'clinic',
      agency: 'police',
    });
    assert.equal(asOther.statusCode, 403);
    const decision = await call('gp', 'POST', '/api/events', {
      type: 'referral.decision',
      at: RECENT,
      person: 'known-baby',
      outcome: 'no-further-action',
    });
    assert.equal(decision.statusCode, 403, 'only the front door and social workers decide');
    assert.equal(await count(), before);
    const good = await call('gp', 'POST', '/api/events', {
      id: 'api-1',
      type: 'contact',
      at: RECENT,
      person: 'known-baby',
      kind: 'clinic',
    });
    assert.equal(good.statusCode, 201);
    const again = await call('gp', 'POST', '/api/events', {
      id: 'api-1',
      type: 'contact',
      at: RECENT,
      person: 'known-baby',
      kind: 'clinic',
    });
    assert.equal(again.json().status, 'duplicate');
    assert.equal(await count(), before + 1);
    const stored = t.services.store.engine.world.event('api-1')!;
    assert.equal(stored.agency, 'gp');
    assert.equal(stored.recordedBy?.role, 'gp');
  });

  test('every unsafe request needs the CSRF token', async () => {
    const csrf = await t.csrf();
    const response = await call('gp', 'POST', '/api/events', { type: 'contact', at: RECENT, person: 'known-baby', kind: 'clinic' }, false);
    assert.equal(response.statusCode, 403);
    const form = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
      payload: `username=gp-user&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    assert.equal(form.statusCode, 403);
  });

  test('sign-in sets a secure session cookie; five failures lock the account for 15 minutes', async () => {
    const csrf = await t.csrf();
    const headers = { cookie: csrf.cookie, 'x-csrf-token': csrf.token, 'content-type': 'application/json', 'x-forwarded-proto': 'https' };
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers,
      payload: JSON.stringify({ username: 'midwife-user', password: TEST_PASSWORD }),
    });
    assert.equal(ok.statusCode, 200);
    const cookie = [ok.headers['set-cookie']].flat().find((c) => String(c).startsWith('tl_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Secure/);
    for (let i = 0; i < 5; i++) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        headers,
        payload: JSON.stringify({ username: 'health-visitor-user', password: `wrong ${i}` }),
      });
      assert.equal(wrong.statusCode, 401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers,
      payload: JSON.stringify({ username: 'health-visitor-user', password: TEST_PASSWORD }),
    });
    assert.equal(locked.statusCode, 401);
    assert.match(locked.json().detail, /locked/);
    const stored = await t.services.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'midwife-user'");
    assert.match(stored.rows[0].password_hash, /^\$argon2id\$/);
  });

  test('logs hold the method, route, status and time, never names, ids or search terms', async () => {
    logs.length = 0;
    await call('midwife', 'GET', '/api/persons?q=Quiet');
    await call('midwife', 'GET', '/people/quiet-baby');
    const text = logs.join('\n');
    assert.match(text, /"route":"\/api\/persons"/);
    assert.match(text, /"route":"\/people\/:id","status":200/);
    assert.doesNotMatch(text, /quiet|Quinn/i);
  });

  test('the audit chain is intact after all of this', async () => {
    await t.services.audit.drain();
    const verdict = await verifyAuditChain(t.services.db);
    assert.equal(verdict.intact, true);
    assert.ok(verdict.entries > 20);
  });
});

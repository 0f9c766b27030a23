import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestApp, type TestApp } from './test-app.ts';
import { verifyAuditChain } from '../api/audit/verify-chain.ts';

interface Probe {
  name: string;
  request: InjectOptions;
  status: number;
  type: string;
  /** The fields the problem document must name, if any. */
  fields?: string[];
}

const contact = { type: 'contact', at: '2024-01-01T10:00', person: 'known-baby', kind: 'clinic' };

describe('malformed requests', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const session = await t.sessionCookie('health-visitor');
    const csrf = await t.csrf(session);
    headers = { cookie: `${csrf.cookie}; ${session}`, 'x-csrf-token': csrf.token };
  });
  after(() => t.close());

  const json = (payload: string, url = '/api/events'): InjectOptions => ({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload,
  });

  const probes = (): Probe[] => [
    { name: 'malformed JSON', request: json('{"type":"contact",'), status: 400, type: 'malformed-json' },
    { name: 'an empty body', request: json(''), status: 400, type: 'empty-body' },
    { name: 'a JSON null', request: json('null'), status: 400, type: 'invalid-fields', fields: ['body'] },
    {
      name: 'the wrong content type',
      request: { method: 'POST', url: '/api/events', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'contact' },
      status: 415,
      type: 'unsupported-media-type',
    },
    {
      name: 'a __proto__ key',
      request: json('{"type":"contact","at":"2024-01-01","person":"known-baby","kind":"clinic","__proto__":{"isAdmin":true}}'),
      status: 400,
      type: 'forbidden-key',
      fields: ['__proto__'],
    },
    {
      name: 'a nested constructor.prototype key',
      request: json(JSON.stringify({ ...contact, name: { constructor: { prototype: { polluted: true } } } })),
      status: 400,
      type: 'forbidden-key',
      fields: ['name.constructor'],
    },
    {
      name: 'a NUL byte in a note',
      request: json(JSON.stringify({ ...contact, note: 'seen at home\u0000' })),
      status: 400,
      type: 'unsafe-text',
      fields: ['note'],
    },
    {
      name: 'a NUL byte in an id',
      request: json(JSON.stringify({ ...contact, id: 'abc\u0000' })),
      status: 400,
      type: 'unsafe-text',
      fields: ['id'],
    },
    {
      name: 'a lone surrogate in a list',
      request: json(`{"type":"contact","at":"2024-01-01","person":"known-baby","kind":"clinic","seen":["known-baby","x\\ud800"]}`),
      status: 400,
      type: 'unsafe-text',
      fields: ['seen.1'],
    },
    {
      name: 'a lone surrogate in a username at sign-in',
      request: json('{"username":"midwife\\udc00","password":"anything at all"}', '/api/session'),
      status: 400,
      type: 'unsafe-text',
      fields: ['username'],
    },
    {
      name: 'a NUL in the query string',
      request: { method: 'GET', url: '/api/persons?q=Known%00', headers },
      status: 400,
      type: 'unsafe-text',
      fields: ['q'],
    },
    {
      name: 'a NUL in the path',
      request: { method: 'GET', url: '/api/persons/known-baby%00', headers },
      status: 400,
      type: 'unsafe-text',
      fields: ['id'],
    },
    {
      name: 'an oversized body',
      request: json(JSON.stringify({ ...contact, note: 'x'.repeat(1_100_000) })),
      status: 413,
      type: 'body-too-large',
    },
    {
      name: 'an unknown field',
      request: json(JSON.stringify({ ...contact, colour: 'blue' })),
      status: 400,
      type: 'invalid-fields',
      fields: ['colour'],
    },
  ];

  test('probe: errors: every malformed request is a 400, 413 or 415 problem document naming the fields, never a 500, and stores nothing', async () => {
    const before = (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
    for (const probe of probes()) {
      const response = await t.app.inject(probe.request);
      assert.equal(response.statusCode, probe.status, `${probe.name}: ${response.body.slice(0, 300)}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/, probe.name);
      const problem = response.json();
      assert.equal(problem.type, `urn:threadline:problem:${probe.type}`, probe.name);
      assert.equal(problem.status, probe.status, probe.name);
      assert.ok(problem.title && problem.detail, `${probe.name}: title and detail`);
      assert.doesNotMatch(response.body, /\bat .*\.ts:\d+|stack/i, `${probe.name}: no stack trace`);
      for (const field of probe.fields ?? [])
        assert.ok(
          problem.errors?.some((e: { field: string }) => e.field === field),
          `${probe.name}: names ${field} (${JSON.stringify(problem.errors)})`,
        );
    }
    const after = (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
    assert.equal(after, before, 'nothing stored');
    await t.services.audit.drain();
    assert.equal((await verifyAuditChain(t.services.db)).intact, true, 'every refusal audited, the chain intact');
    const audited = await t.services.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'invalid'");
    assert.ok(audited.rows[0].n >= probes().length - 2, 'the refusals are in the audit');
  });

  test('probe: errors: a page shows the same refusal in words, with the field named, never a 500', async () => {
    const session = await t.sessionCookie('health-visitor');
    const csrf = await t.csrf(session);
    const response = await t.app.inject({
      method: 'POST',
      url: '/people/known-baby/record/concern',
      headers: { cookie: `${csrf.cookie}; ${session}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf.token, person: 'known-baby', kind: 'isolation', detail: 'lives alone\u0000' }).toString(),
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /Detail must not contain a NUL character/);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startTestApp, type TestApp } from './test-app.ts';
import { createServices } from './services.ts';
import { buildApp } from './build-app.ts';
import { startServer } from './start-server.ts';
import { ephemeralServerKeys } from './server-keys.ts';
import { defineProtocol } from '../protocols/protocol.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { openDatabase } from '../store/open-database.ts';
import { UserDirectory } from '../access/user-directory.ts';
import type { Database } from '../store/database.ts';

const secretNote = 'Told me her sister Zelda Quorn hits the baby';

/** A protocol with a fault: it throws on every concern, with a message naming the person. */
const faulty = defineProtocol({
  id: 'faulty-protocol',
  version: '0.0.1',
  title: 'A faulty protocol',
  source: 'test',
  codes: ['unsafe-sleep-observed'],
  triggers: ['concern.recorded'],
  configSchema: z.strictObject({}),
  evaluate({ event }) {
    throw new TypeError(`cannot read the record of ${event?.subject}: ${secretNote}`);
  },
});

describe('operations', () => {
  let t: TestApp;
  const logs: string[] = [];
  before(async () => {
    t = await startTestApp({ protocols: [...PROTOCOLS, faulty], app: { logStream: { write: (line) => void logs.push(line) } } });
  });
  after(() => t.close());

  test('probe: operations: a protocol that throws in the server is logged without personal data, counted, and shown to administrators', async () => {
    const countNow = async () =>
      (await t.services.db.query<{ count: number }>("SELECT count::int FROM protocol_failures WHERE protocol = 'faulty-protocol'")).rows[0]
        ?.count ?? 0;
    const before = await countNow(); // the fixture's own concerns
    const session = await t.sessionCookie('health-visitor');
    const csrf = await t.csrf(session);
    for (let i = 0; i < 2; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie: `${csrf.cookie}; ${session}`, 'x-csrf-token': csrf.token, 'content-type': 'application/json' },
        payload: JSON.stringify({ type: 'concern.recorded', at: '2024-01-01', person: 'known-mum', kind: 'isolation', detail: secretNote }),
      });
      assert.equal(response.statusCode, 201, 'the record is kept');
    }
    const failureLines = logs.filter((line) => line.includes('protocol failed'));
    assert.equal(failureLines.length, 2);
    assert.match(failureLines[0], /"protocol":"faulty-protocol@0.0.1","trigger":"concern.recorded","errorType":"TypeError"/);
    assert.doesNotMatch(logs.join('\n'), /known-mum|Zelda|Quorn|sister/, 'no person and no message in the log');
    assert.equal((await countNow()) - before, 2, 'counted');
    const page = await t.app.inject({
      method: 'GET',
      url: '/admin/operations',
      headers: { cookie: await t.sessionCookie('administrator') },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /faulty-protocol 0\.0\.1/);
    assert.match(page.body, /TypeError/);
    assert.doesNotMatch(page.body, /Zelda|known-mum/);
    const practitioner = await t.app.inject({ method: 'GET', url: '/admin/operations', headers: { cookie: await t.sessionCookie('gp') } });
    assert.equal(practitioner.statusCode, 403);
  });

  test('probe: operations: /healthz and /readyz answer load balancers unauthenticated, unaudited and saying nothing more', async () => {
    const entriesBefore = (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
    assert.equal(health.headers['set-cookie'], undefined);
    await t.services.audit.drain();
    assert.equal(
      (await t.services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n,
      entriesBefore,
      'not audited',
    );

    // The database stops answering: not ready (503, a problem document that names nothing); still alive.
    const unreachable: Database = { ...t.services.db, query: () => Promise.reject(new Error('connection refused to db.internal:5432')) };
    const cut = await buildApp(createServices(unreachable, t.services.store));
    try {
      const notReady = await cut.inject({ method: 'GET', url: '/readyz' });
      assert.equal(notReady.statusCode, 503);
      assert.equal(notReady.json().type, 'urn:threadline:problem:not-ready');
      assert.doesNotMatch(notReady.body, /connection|5432|internal/);
      assert.equal((await cut.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await cut.close();
    }
  });
});

describe('serve --demo', () => {
  test('probe: operations: --demo refuses to add demo accounts (with their published password) to a store that holds other data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threadline-demo-guard-'));
    const keys = ephemeralServerKeys();
    // No scenarios: what is tested is which store the demo accounts may go into.
    const scenariosDir = join(dir, 'no-scenarios');
    await mkdir(scenariosDir);
    const options = { port: 0, host: '127.0.0.1', logger: false, keys, keysDir: join(dir, 'keys') };
    try {
      // A real store: one account of its own.
      const real = join(dir, 'real');
      const db = await openDatabase({ dataDir: real });
      await new UserDirectory(db).create({
        username: 'alice',
        displayName: 'Alice',
        role: 'gp',
        agency: 'gp',
        password: 'a long real password',
      });
      await db.close();
      await assert.rejects(startServer({ ...options, location: { dataDir: real }, demo: { scenariosDir } }), /--demo refused/);
      const after = await openDatabase({ dataDir: real });
      const users = await after.query<{ username: string }>('SELECT username FROM users');
      const events = await after.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      await after.close();
      assert.deepEqual(
        users.rows.map((r) => r.username),
        ['alice'],
        'no demo account added',
      );
      assert.equal(events.rows[0].n, 0, 'no demo record added');

      // An empty store becomes the demo's, and may be served with --demo again.
      const demo = join(dir, 'demo');
      for (let run = 0; run < 2; run++) {
        const server = await startServer({ ...options, location: { dataDir: demo }, demo: { scenariosDir } });
        assert.ok(server.demoAccounts && server.demoAccounts.length > 0);
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Over the whole demo (every case-review scenario, as `npm run demo` loads them): every
// finding opens and its owner can act on it (issue 11 found 15 of 78 unreachable: ids
// over 100 characters, refused by the router), and need-to-know by organisation shows
// between the two GP practices and the two police forces.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../store/open-database.ts';
import type { Database } from '../store/database.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { createServices, type Services } from '../server/services.ts';
import { buildApp } from '../server/build-app.ts';
import { DEMO_ACCOUNTS, ensureDemoUsers } from '../server/demo-users.ts';
import { principalOf } from '../access/user-directory.ts';
import { can } from '../access/roles.ts';
import type { Principal } from '../access/principal.ts';
import { owningOrganisation } from '../access/finding-ownership.ts';
import { SESSION_COOKIE } from '../api/authenticate.ts';
import { loadDemoScenarios } from './load-scenarios.ts';

describe('the demo: every finding opens and its owner can act on it; organisations see only their families', () => {
  let db: Database;
  let services: Services;
  let app: FastifyInstance;
  const accounts = new Map<string, Principal>();

  before(async () => {
    db = await openDatabase({});
    await loadDemoScenarios(db, 'scenarios');
    const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    services = createServices(db, store);
    await services.users.storeOrganisations();
    await ensureDemoUsers(services.users);
    for (const account of DEMO_ACCOUNTS) accounts.set(account.username, principalOf((await services.users.byUsername(account.username))!));
    app = await buildApp(services, { logger: false });
  });
  after(async () => {
    await app.close();
    await services.audit.drain();
    await db.close();
  });

  async function send(username: string, method: 'GET' | 'POST', url: string, body?: unknown) {
    const session = `${SESSION_COOKIE}=${(await services.sessions.start(accounts.get(username)!)).token}`;
    // The CSRF token is bound to the session.
    const response = await app.inject({ method: 'GET', url: '/api/csrf-token', headers: { cookie: session } });
    const csrfCookie = String(response.headers['set-cookie']).split(';')[0];
    const headers: Record<string, string> = {
      cookie: `${csrfCookie}; ${session}`,
      'x-csrf-token': response.json<{ token: string }>().token,
    };
    if (body) headers['content-type'] = 'application/json';
    return app.inject({ method, url, headers, payload: body ? JSON.stringify(body) : undefined });
  }

  test('every finding has a short id, opens for a practitioner of its owning organisation, and that practitioner can act on it', async () => {
    const world = services.store.engine.world;
    const { rows } = await db.query<{ id: string }>('SELECT id FROM findings ORDER BY id');
    assert.ok(rows.length >= 70, `the demo raises its findings (${rows.length})`);
    const problems: string[] = [];
    for (const { id } of rows) {
      const finding = world.findingById(id)!;
      if (id.length > 40) problems.push(`${id}: id of ${id.length} characters`);
      const owner = owningOrganisation(world, finding);
      const account = [...accounts].find(([, p]) => p.organisation === owner?.code && can(p.role, 'record.write'))?.[0];
      if (!account) {
        problems.push(`${finding.code} about ${finding.subject}: no demo account in ${owner?.name ?? finding.owner}`);
        continue;
      }
      for (const url of [`/findings/${id}`, `/api/findings/${id}`]) {
        const opened = await send(account, 'GET', url);
        if (opened.statusCode !== 200) problems.push(`${url} as ${account}: ${opened.statusCode}`);
      }
      const acted = await send(account, 'POST', `/api/findings/${id}/actions`, { kind: 'acknowledged' });
      if (acted.statusCode !== 200)
        problems.push(`acknowledge ${finding.code} about ${finding.subject} as ${account}: ${acted.statusCode} ${acted.body}`);
    }
    assert.deepEqual(problems, []);
  });

  test('each GP practice and police force opens only the families it has seen', async () => {
    const status = async (username: string, person: string) => (await send(username, 'GET', `/api/persons/${person}`)).statusCode;
    const jack = 'cambs-scr-2018-jack-jack';
    const childA = 'cpscp-2024-child-a-child-a';
    assert.deepEqual(
      [await status('gp', jack), await status('gp-fenland', jack), await status('gp', childA), await status('gp-fenland', childA)],
      [403, 200, 200, 403],
    );
    assert.deepEqual([await status('police', jack), await status('police-northshire', jack)], [200, 403]);
  });
});

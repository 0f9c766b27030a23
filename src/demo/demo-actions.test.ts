// What the reviews record practitioners did is recorded on the demo's findings
// (scenarios/*.actions.json), so the work lists show open, actioned and closed findings;
// each action rests on the words of its review and on a finding the demo raises.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { openDatabase } from '../store/open-database.ts';
import type { Database } from '../store/database.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { createServices, type Services } from '../server/services.ts';
import { ensureDemoUsers } from '../server/demo-users.ts';
import { owningOrganisation } from '../access/finding-ownership.ts';
import { loadDemoScenarios } from './load-scenarios.ts';
import { findingOfAction, readDemoActions, recordDemoActions, type RecordedDemoAction } from './demo-actions.ts';

const REVIEWS = join(import.meta.dirname, '../../../shared/case-reviews');
const words = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

describe('the demo records what the reviews say practitioners did', () => {
  let db: Database;
  let services: Services;
  let recorded: RecordedDemoAction[];
  const today = DateTime.now();

  before(async () => {
    db = await openDatabase({});
    await loadDemoScenarios(db, 'scenarios', today);
    const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    services = createServices(db, store);
    await services.users.storeOrganisations();
    await ensureDemoUsers(services.users);
    recorded = await recordDemoActions(services, 'scenarios', today);
  });
  after(async () => {
    await services.audit.drain();
    await db.close();
  });

  test('after loading, the findings are a mix of open, actioned and closed, as stored', async () => {
    const { rows } = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM findings GROUP BY status');
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    assert.ok(counts.open > counts.closed, `most findings stay open: the reviews' point (${JSON.stringify(counts)})`);
    assert.ok(counts.closed >= 5 && counts.actioned >= 5, JSON.stringify(counts));
    // Each finding's status is its last recorded action's.
    const last = new Map(recorded.map((r) => [r.finding.id, r.action.kind]));
    for (const [id, kind] of last) assert.equal(services.store.engine.world.findingById(id)!.status, kind, id);
  });

  test('every action names one finding the demo raises, after it was raised, by a practitioner of its owning organisation', async () => {
    const files = await readDemoActions('scenarios');
    assert.equal(
      recorded.length,
      files.reduce((n, f) => n + f.actions.length, 0),
    );
    for (const file of files)
      for (const action of file.actions) {
        const finding = findingOfAction(services.store.engine.world, file.scenario, action);
        if (typeof finding === 'string') assert.fail(finding);
      }
    for (const step of recorded) {
      assert.ok(step.at >= step.finding.raisedAt, `${step.finding.code} ${step.action.kind} before it was raised`);
      assert.ok(step.at <= Date.now());
      const user = await services.users.byUsername(step.by);
      assert.equal(user!.organisation, owningOrganisation(services.store.engine.world, step.finding)!.code);
    }
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM finding_actions');
    assert.equal(rows[0].n, recorded.length);
  });

  test("each action quotes its review's own words", async () => {
    for (const file of await readDemoActions('scenarios')) {
      const review = words(await readFile(join(REVIEWS, file.review), 'utf8'));
      for (const action of file.actions)
        assert.ok(review.includes(words(action.cites.quote)), `${file.review} ${action.cites.where}: "${action.cites.quote}" not found`);
    }
  });

  test('an action whose finding the demo does not raise is named, not skipped', () => {
    const action = {
      finding: { code: 'was-not-brought', subject: 'jack', evidence: '001-08' },
      kind: 'closed' as const,
      at: '2017-01-01T10:00',
      note: 'x',
      cites: { where: '§1', quote: 'nothing at all here' },
    };
    const found = findingOfAction(services.store.engine.world, 'cambs-scr-2018-jack', action);
    assert.equal(typeof found, 'string');
    assert.match(found as string, /0 findings was-not-brought about jack/);
  });
});

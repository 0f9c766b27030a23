import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './open-database.ts';
import { RecordStore } from './record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { loadDemoScenarios } from '../demo/load-scenarios.ts';
import { catchUpProjections } from './projection-catch-up.ts';

test('a log loaded without the store (the demo COPY) has every person in the persons projection once the store opens', async () => {
  const db = await openDatabase({});
  try {
    const loaded = await loadDemoScenarios(db, 'scenarios');
    assert.ok(loaded.events > 0);
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows[0].n, 0);
    const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    const people = [...store.engine.world.allPersons()];
    const { rows } = await db.query<{ id: string; role: string; area: string | null }>('SELECT id, role, area FROM persons ORDER BY id');
    assert.deepEqual(
      rows.map((r) => r.id),
      people.map((p) => p.id).sort(),
    );
    const relationships = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM relationships');
    assert.ok(relationships.rows[0].n > 0, 'relationships projected too');
    const agencies = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM person_agencies');
    assert.ok(agencies.rows[0].n >= people.length - 1, 'and which agencies know each person');

    // Opening again finds nothing to rewrite: the projection already says what the log says.
    assert.equal(await catchUpProjections(db, store.engine.world), 0);
  } finally {
    await db.close();
  }
});

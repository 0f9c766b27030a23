import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../test/store-targets.ts';
import { openDatabase } from './open-database.ts';
import type { Database } from './database.ts';
import { RecordStore } from './record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { VirtualClock } from '../engine/clock.ts';

/** The store's database, with a switch that makes the next transaction fail at its commit (after all its work). */
function withCommitFailure(db: Database): Database & { failNextCommit(): void } {
  let fail = false;
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    close: () => db.close(),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const result = await work(tx);
        if (fail) {
          fail = false;
          throw new Error('injected commit failure');
        }
        return result;
      }),
    failNextCommit: () => {
      fail = true;
    },
  };
}

const config = loadPartnershipConfig({}, PROTOCOLS);
const family = [
  { id: 'f1', at: '2024-01-02T09:00', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
  {
    id: 'f2',
    at: '2024-03-01T09:00',
    type: 'birth',
    child: 'baby',
    mother: 'mum',
    gestationWeeks: 39,
    birthWeightKg: 3.4,
    sex: 'female',
    agency: 'midwifery',
  },
];
const bruise = { id: 'bruise', at: '2024-04-20T10:00', type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp' };
const visit = { id: 'visit', at: '2024-04-21T10:00', type: 'contact', person: 'baby', kind: 'home-visit', agency: 'health-visiting' };

for (const target of STORE_TARGETS) {
  describe(`store recovery on ${target.name}`, () => {
    test(`probe: operations: after a failed commit the store rebuilds from the log and records again, without a restart (${target.name})`, async () => {
      const { location, cleanup } = await target.create();
      const db = withCommitFailure(await openDatabase(location));
      try {
        const store = await RecordStore.open(db, PROTOCOLS, config, new VirtualClock());
        for (const event of family) await store.submit(event, event.id);
        const world = store.engine.world;

        db.failNextCommit();
        await assert.rejects(store.submit(bruise, 'bruise'), /injected commit failure/);
        assert.equal(store.healthy, false, 'the picture in memory is ahead of the log');
        const stored = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE code = 'injury-in-non-mobile-infant'");
        assert.equal(stored.rows[0].n, 0, 'nothing of the failed write is stored');

        const next = await store.submit(visit, 'visit');
        assert.equal(next.status, 'accepted', 'the next write succeeds');
        assert.equal(store.healthy, true);
        assert.equal(store.engine.world, world, 'the same World object, rebuilt');
        assert.equal(world.hasEvent('bruise'), false, 'the failed event is gone from memory');
        const retried = await store.submit(bruise, 'bruise');
        assert.equal(retried.status, 'accepted', 'a retry of the failed event is accepted, not taken for a duplicate');
        assert.deepEqual(
          retried.findings.map((f) => f.code),
          ['injury-in-non-mobile-infant'],
        );

        // A batch whose commit fails is likewise forgotten, and the next batch goes in.
        db.failNextCommit();
        const later = [
          { id: 'b1', at: '2024-04-22T10:00', type: 'measurement', person: 'baby', kind: 'weight', value: 4.9, agency: 'health-visiting' },
        ];
        await assert.rejects(store.submitBatch(later, 'batch'), /injected commit failure/);
        assert.equal((await store.submitBatch(later, 'batch')).accepted, 1);

        // The picture in memory is exactly what a fresh start from the log gives.
        const fresh = await RecordStore.open(db, PROTOCOLS, config, new VirtualClock());
        const keys = (s: RecordStore) => s.engine.world.eventsOf('baby').map((e) => e.key);
        assert.deepEqual(keys(store), keys(fresh));
        assert.deepEqual(
          store.engine.world
            .findingsAbout('baby')
            .map((f) => f.id)
            .sort(),
          fresh.engine.world
            .findingsAbout('baby')
            .map((f) => f.id)
            .sort(),
        );
      } finally {
        await db.close();
        await cleanup();
      }
    });
  });
}

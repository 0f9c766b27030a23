// Property: for random synthetic populations, start-up from a snapshot plus the log after
// it gives the same engine as a rebuild from the whole log: the same findings (status,
// deadline, escalations), the same pending deadlines, the same world (people, events by
// person and type, relationships, involvement, identity links), and the same findings
// and escalations afterwards as deadlines pass. Including when the newest snapshot was cut
// off by a crash mid-write, is damaged, or was taken under another configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPartnershipConfig, type PartnershipConfig } from '../../config/partnership-config.ts';
import { VirtualClock } from '../../engine/clock.ts';
import type { Engine } from '../../engine/engine.ts';
import { PROTOCOLS } from '../../protocols/registry.ts';
import type { Database } from '../database.ts';
import { openDatabase } from '../open-database.ts';
import { RecordStore } from '../record-store.ts';
import { serverTarget } from '../../../test/store-targets.ts';
import { enginePicture } from '../../../test/world-picture.ts';
import { generatePopulation, interleave, random } from '../../../bench/synthetic-population.ts';

const CASES = 4;
const YEAR_MS = 366 * 86_400_000;

function configOf(input: object = {}): PartnershipConfig {
  return loadPartnershipConfig(input, PROTOCOLS);
}

async function open(db: Database, config: PartnershipConfig, useSnapshots: boolean): Promise<RecordStore> {
  // The store started from a snapshot keeps only three families in memory: the rest are read back as needed.
  return RecordStore.open(db, PROTOCOLS, config, new VirtualClock(), { useSnapshots, familiesInMemory: useSnapshots ? 3 : undefined });
}

/** Everything two engines must agree on, and what they raise as a year of deadlines passes. */
function picture(engine: Engine) {
  return { ...enginePicture(engine), now: engine.exportState().now };
}

function future(engine: Engine, after: number) {
  const raised = engine.runUntil(after + YEAR_MS).map((f) => ({ id: f.id, raisedAt: f.raisedAt, deadline: f.deadline }));
  return { raised, escalations: engine.takeEscalations().map((s) => ({ finding: s.finding.id, ...s.step })) };
}

function assertSameEngine(fromSnapshot: RecordStore, rebuilt: RecordStore, label: string): void {
  assert.deepStrictEqual(picture(fromSnapshot.engine), picture(rebuilt.engine), `${label}: state after start-up`);
  const end = picture(rebuilt.engine).now;
  assert.deepStrictEqual(future(fromSnapshot.engine, end), future(rebuilt.engine, end), `${label}: what the deadlines raise`);
}

for (let run = 0; run < CASES; run++) {
  test(`snapshot plus the log after it equals a full rebuild (random population ${run})`, async () => {
    const rand = random(1_000 + run);
    const families = 8 + Math.floor(rand() * 16);
    const inputs = interleave(generatePopulation({ families, seed: 500 + run, riskShare: 0.4, closingTheLoop: run % 2 === 0 }));
    const { location, cleanup } = await serverTarget.create();
    const db = await openDatabase(location);
    try {
      const config = configOf();
      const live = await open(db, config, true);
      // Cut the log into random batches; after some, act on a finding, take a snapshot, or crash while taking one.
      const snapshotsTaken: number[] = [];
      let crashed = 0;
      const body = inputs.slice(0, -5);
      for (let i = 0; i < body.length;) {
        const size = 1 + Math.floor(rand() * 160);
        await live.submitBatch(body.slice(i, i + size), `batch-${i}`);
        i += size;
        const open = [...live.engine.world.allPersons()]
          .flatMap((p) => live.engine.world.findingsAbout(p.id))
          .filter((f) => f.status === 'open');
        if (open.length > 0 && rand() < 0.3) {
          const finding = open[Math.floor(rand() * open.length)];
          await live.actOnFinding(finding.id, rand() < 0.5 ? 'acknowledged' : 'closed', { userId: 'u1' }, 'seen to in the test');
        }
        const roll = rand();
        if (roll < 0.3) {
          const written = await live.snapshot({ chunkBytes: 512 });
          if (written) snapshotsTaken.push(written.lastSeq);
        } else if (roll < 0.5) {
          // A crash mid-write: some chunks stored, the snapshot never completed.
          await assert.rejects(live.snapshot({ chunkBytes: 512, failAfterChunks: 1 + Math.floor(rand() * 3) }), /interrupted/);
          crashed++;
        }
      }
      if (snapshotsTaken.length === 0) snapshotsTaken.push((await live.snapshot({ chunkBytes: 512 }))!.lastSeq);
      // Always some log after the last snapshot, and an interrupted snapshot newer than it.
      await live.submitBatch(inputs.slice(-5), 'tail');
      await assert.rejects(live.snapshot({ chunkBytes: 512, failAfterChunks: 1 }), /interrupted/);
      const logEnd = Number((await db.query<{ n: string }>('SELECT max(seq) AS n FROM events')).rows[0].n);

      const fromSnapshot = await open(db, config, true);
      const rebuilt = await open(db, config, false);
      const restored = fromSnapshot.lastRestore!;
      assert.equal(restored.snapshot?.lastSeq, snapshotsTaken.at(-1), 'the newest complete snapshot is loaded');
      assert.equal(restored.replayed, logEnd - snapshotsTaken.at(-1)!, 'only the log after it is replayed');
      assert.equal(rebuilt.lastRestore!.replayed, logEnd);
      // The rebuild itself agrees with the live run it rebuilds.
      assert.deepStrictEqual(
        [...rebuilt.engine.exportState().world.findingIndex.keys()].sort(),
        [...live.engine.exportState().world.findingIndex.keys()].sort(),
      );
      assertSameEngine(fromSnapshot, rebuilt, `${families} families, ${crashed} crashed snapshots`);

      // Damage the newest snapshot: it is passed over for the older one, or for a full rebuild.
      await db.query(
        `UPDATE engine_snapshot_chunks SET data = set_byte(data, 0, (get_byte(data, 0) + 1) % 256)
          WHERE n = 0 AND snapshot_id = (SELECT max(id) FROM engine_snapshots WHERE completed_at IS NOT NULL)`,
      );
      const afterDamage = await open(db, config, true);
      assert.match(afterDamage.lastRestore!.skipped.join('; '), /chunk 0 fails its checksum/);
      if (snapshotsTaken.length > 1) assert.equal(afterDamage.lastRestore!.snapshot?.lastSeq, snapshotsTaken.at(-2));
      else assert.equal(afterDamage.lastRestore!.snapshot, undefined);
      assertSameEngine(afterDamage, await open(db, config, false), 'after damage');

      // Another configuration: no snapshot fits, so start-up rebuilds with the rules now in force.
      const changed = configOf({ protocols: { 'was-not-brought': { followUpDays: 3 } } });
      const underChange = await open(db, changed, true);
      assert.equal(underChange.lastRestore!.snapshot, undefined, 'a snapshot of another configuration is not loaded');
      assert.equal(underChange.lastRestore!.replayed, logEnd);
    } finally {
      await db.close();
      await cleanup();
    }
  });
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../test/store-targets.ts';
import { openDatabase } from './open-database.ts';
import { RecordStore } from './record-store.ts';
import { injuryInNonMobileInfant } from '../protocols/injury-in-non-mobile-infant.ts';
import { safeguardingReferralOverdue } from '../protocols/safeguarding-referral-overdue.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { VirtualClock } from '../engine/clock.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { parseLocal } from '../domain/time.ts';

// Two protocols keep the expectations exact; every protocol is exercised by replay.
const PROTOCOLS = [injuryInNonMobileInfant, safeguardingReferralOverdue];
const config = loadPartnershipConfig({}, PROTOCOLS);
const at = (iso: string) => parseLocal(iso, 'Europe/London')!;

const family = [
  {
    id: 'e1',
    at: '2023-01-09',
    type: 'person.recorded',
    person: 'mum',
    role: 'adult',
    sex: 'female',
    agency: 'midwifery',
    name: { given: 'Ann', family: "O'Neill\ttab" },
  },
  {
    id: 'e2',
    at: '2023-01-09T10:00',
    type: 'birth',
    child: 'b',
    mother: 'mum',
    gestationWeeks: 39,
    birthWeightKg: 3.4,
    sex: 'male',
    agency: 'midwifery',
  },
  {
    id: 'e3',
    at: '2023-03-06T10:30',
    type: 'injury.observed',
    person: 'b',
    kind: 'bruise',
    agency: 'gp',
    note: 'line one\nline two \\ backslash',
  },
];

for (const target of STORE_TARGETS) {
  describe(`record store on ${target.name}`, () => {
    test('stores events once, refuses bad ones whole, raises and persists findings, rebuilds identically', async () => {
      const { location, cleanup } = await target.create();
      try {
        const clock = new VirtualClock(at('2023-03-06T10:31'));
        const db = await openDatabase(location);
        const store = await RecordStore.open(db, PROTOCOLS, config, clock);
        for (const event of family) await store.submit(event, 'unused');
        const again = await store.submit(family[0], 'unused');
        assert.equal(again.status, 'duplicate');

        await assert.rejects(
          store.submit({ at: '2023-03-07', type: 'injury.observed', person: 'nobody', kind: 'bruise' }, 'k'),
          (e: unknown) => e instanceof ValidationError && /person/.test(e.message),
        );
        await assert.rejects(
          store.submit({ at: '2023-03-07', type: 'injury.observed', person: 'b', kind: 'bruse' }, 'k'),
          (e: unknown) => e instanceof ValidationError && /kind/.test(e.message),
        );
        const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
        assert.equal(count.rows[0].n, 3);

        const stored = await db.query<{ code: string }>('SELECT code FROM findings ORDER BY code');
        assert.deepEqual(
          stored.rows.map((r) => r.code),
          ['injury-in-non-mobile-infant'],
        );

        // The referral deadline passes on the live clock: the tick raises and stores it.
        clock.advanceTo(at('2023-03-07T09:00'));
        const due = await store.tick();
        assert.ok(due.some((f) => f.code === 'safeguarding-referral-overdue'));

        const injury = store.engine.world.openFinding('injury-in-non-mobile-infant', 'b')!;
        await assert.rejects(store.actOnFinding(injury.id, 'closed', { userId: 'u1' }), /reason/);
        await store.actOnFinding(injury.id, 'closed', { userId: 'u1', role: 'gp', agency: 'gp' }, 'Referred by phone; recorded late');
        await assert.rejects(db.query("UPDATE events SET type = 'x'"), /append-only/);
        await assert.rejects(db.query('DELETE FROM events'), /append-only/);

        const note = await db.query<{ payload: { note: string }; persons: string[] }>(
          "SELECT payload, persons FROM events WHERE idempotency_key = 'e3'",
        );
        assert.equal(note.rows[0].payload.note, 'line one\nline two \\ backslash');
        const before = (await db.query('SELECT id, status FROM findings ORDER BY id')).rows;
        await db.close();

        // A restart rebuilds the engine from the log: same findings, statuses kept, none duplicated.
        const db2 = await openDatabase(location);
        const restarted = await RecordStore.open(db2, PROTOCOLS, config, clock);
        const after = (await db2.query('SELECT id, status FROM findings ORDER BY id')).rows;
        assert.deepEqual(after, before);
        assert.equal(restarted.engine.world.findingById(injury.id)?.status, 'closed');
        const persons = await db2.query<{ id: string; family_name: string }>('SELECT id, family_name FROM persons ORDER BY id');
        assert.deepEqual(
          persons.rows.map((p) => p.id),
          ['b', 'mum'],
        );
        assert.equal(persons.rows[1].family_name, "O'Neill\ttab");
        await db2.close();
      } finally {
        await cleanup();
      }
    });

    test('a batch is loaded with COPY, may introduce people before using them, and is refused whole if any event is bad', async () => {
      const { location, cleanup } = await target.create();
      try {
        const db = await openDatabase(location);
        const store = await RecordStore.open(db, PROTOCOLS, config, new VirtualClock(at('2023-03-06T12:00')));
        await assert.rejects(
          store.submitBatch([...family, { at: '2023-03-07', type: 'contact', person: 'ghost', kind: 'clinic' }], 'batch'),
          /event 3.*ghost/,
        );
        assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n, 0);
        const result = await store.submitBatch(family, 'batch');
        assert.equal(result.accepted, 3);
        assert.ok(result.findings.some((f) => f.code === 'injury-in-non-mobile-infant'));
        const again = await store.submitBatch(family, 'batch');
        assert.equal(again.duplicates, 3);
        const rows = await db.query<{ persons: string[]; payload: { name?: { family: string } } }>(
          'SELECT persons, payload FROM events ORDER BY seq',
        );
        assert.deepEqual(rows.rows[1].persons, ['b', 'mum']);
        assert.equal(rows.rows[0].payload.name?.family, "O'Neill\ttab");
        await db.close();
      } finally {
        await cleanup();
      }
    });

    test('batches handed over without waiting are committed in order, and a refused one between them changes nothing', async () => {
      const { location, cleanup } = await target.create();
      try {
        const clock = new VirtualClock(at('2023-03-06T12:00'));
        const db = await openDatabase(location);
        const store = await RecordStore.open(db, PROTOCOLS, config, clock);
        const first = store.submitBatch(family.slice(0, 2), 'first');
        const refused = store.submitBatch([{ at: '2023-03-06T11:00', type: 'contact', person: 'ghost', kind: 'clinic' }], 'refused');
        const third = store.submitBatch(family.slice(2), 'third');
        const single = store.submit(
          { id: 'e4', at: '2023-03-06T11:30', type: 'contact', person: 'b', kind: 'clinic', agency: 'gp' },
          'single',
        );
        await assert.rejects(refused, /ghost/);
        const [a, c, d] = await Promise.all([first, third, single]);
        assert.equal(a.accepted + c.accepted, 3);
        assert.equal(d.status, 'accepted');
        assert.ok(c.findings.some((f) => f.code === 'injury-in-non-mobile-infant'));
        const keys = await db.query<{ idempotency_key: string }>('SELECT idempotency_key FROM events ORDER BY seq');
        assert.deepEqual(
          keys.rows.map((r) => r.idempotency_key),
          ['e1', 'e2', 'e3', 'e4'],
        );
        const before = (await db.query('SELECT id, status FROM findings ORDER BY id')).rows;
        assert.equal(before.length, 1);
        await db.close();

        const db2 = await openDatabase(location);
        await RecordStore.open(db2, PROTOCOLS, config, clock);
        assert.deepEqual((await db2.query('SELECT id, status FROM findings ORDER BY id')).rows, before);
        await db2.close();
      } finally {
        await cleanup();
      }
    });
  });
}

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { checkScenario } from '../replay/replay-scenario.ts';
import { openDatabase } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import { startTestApp, type TestApp } from '../server/test-app.ts';
import { VirtualClock } from './clock.ts';
import { InMemoryRecord } from './in-memory-record.ts';

const config = loadPartnershipConfig({}, PROTOCOLS);
const person = (id: string, role: 'adult' | 'child', at = '2020-01-01') => ({
  at,
  type: 'person.recorded',
  person: id,
  role,
  agency: 'gp',
});
const related = (who: string, kind: string, of: string, at = '2020-02-01') => ({
  at,
  type: 'relationship.recorded',
  person: who,
  of,
  kind,
  agency: 'gp',
});
const linked = (a: string, b: string, at = '2020-03-01') => ({
  at,
  type: 'identity.linked',
  person: a,
  to: b,
  basis: 'confirmed',
  agency: 'gp',
});

/**
 * Three generations of young mothers, all still children to the agencies (only a child
 * or unborn baby can have someone recorded above them): Gran above Mum, Mum above Kid;
 * and two unrelated children.
 */
const family = [
  person('gran', 'child'),
  person('mum', 'child'),
  person('kid', 'child'),
  person('kid-elsewhere', 'child'),
  person('tom', 'child'),
  person('jerry', 'child'),
  related('gran', 'mother', 'mum'),
  related('mum', 'mother', 'kid'),
  related('tom', 'sibling', 'jerry'),
];

/** Each impossible record, the field it must be refused on, and words the reason must hold. */
const IMPOSSIBLE: { name: string; event: Record<string, unknown>; field: string; reason: RegExp }[] = [
  {
    name: 'two children recorded as each other’s father',
    event: related('kid', 'father', 'mum'),
    field: 'person',
    reason: /"kid" cannot be father of "mum", who is already above them .*"mum" is recorded as mother of "kid"/,
  },
  {
    name: 'a child as their own parent’s parent',
    event: related('kid', 'grandparent', 'mum'),
    field: 'person',
    reason: /nobody is their own ancestor/,
  },
  {
    name: 'a person their own ancestor, three generations up',
    event: related('kid', 'male-carer', 'gran'),
    field: 'person',
    reason: /"gran" is recorded as mother of "mum"/,
  },
  {
    name: 'an identity link making a person the same as their own parent',
    event: linked('kid', 'mum'),
    field: 'to',
    reason: /cannot be the same person: one is recorded above the other/,
  },
  {
    name: 'an identity link making a person the same as their own grandchild',
    event: linked('gran', 'kid'),
    field: 'to',
    reason: /cannot be the same person/,
  },
];

describe('impossible family graphs', () => {
  test('probe: family graph: replay refuses each impossible family with the event index and the reason, and nothing is replayed', () => {
    for (const impossible of IMPOSSIBLE) {
      const scenario = { scenario: 'graph', file: 'graph.scenario.json', timezone: 'Europe/London', events: [...family, impossible.event] };
      assert.throws(
        () => checkScenario(scenario, PROTOCOLS),
        (error: Error) => {
          assert.match(
            error.message,
            new RegExp(`graph\\.scenario\\.json: event ${family.length}: field '${impossible.field}'`),
            impossible.name,
          );
          assert.match(error.message, impossible.reason, impossible.name);
          return true;
        },
      );
    }
  });

  test('probe: family graph: records of the same person (linked across agencies) count as one, both ways', () => {
    const record = new InMemoryRecord(PROTOCOLS, config, new VirtualClock());
    [...family, person('mum-at-hospital', 'child'), linked('mum', 'mum-at-hospital')].forEach((e, i) => record.submit(e, `e${i}`));
    // The hospital's record of Mum is Mum: her son cannot be its father, nor can it be her own child.
    assert.throws(() => record.submit(related('kid', 'father', 'mum-at-hospital'), 'x1'), /already above them/);
    assert.throws(
      () => record.submit(related('mum-at-hospital', 'father', 'mum'), 'x2'),
      /linked as the same person, who cannot be their own father/,
    );
    // Later records through the other record: Gran's other record is above Mum too.
    record.submit(person('gran-at-gp', 'child'), 'g1');
    record.submit(linked('gran', 'gran-at-gp'), 'g2');
    assert.throws(() => record.submit(related('kid', 'father', 'gran-at-gp'), 'x3'), /already above them/);
  });

  test('families that are possible are accepted: siblings both ways, a correction that reverses a relationship, a grandparent who is also a carer', () => {
    const record = new InMemoryRecord(PROTOCOLS, config, new VirtualClock());
    family.forEach((e, i) => record.submit(e, `e${i}`));
    record.submit(related('jerry', 'sibling', 'tom'), 'ok1');
    record.submit(related('gran', 'female-carer', 'kid'), 'ok2');
    record.submit(related('jerry', 'household-member', 'tom'), 'ok3');
    // Tom was recorded as Jerry's father by mistake; the correction reverses it.
    record.submit({ ...related('tom', 'father', 'jerry'), id: 'wrong-way' }, 'wrong-way');
    record.submit({ ...related('jerry', 'father', 'tom'), supersedes: 'wrong-way' }, 'right-way');
    assert.equal(record.engine.world.carersOf('tom').filter((r) => r.kind === 'father').length, 1);
  });

  test('probe: family graph: the API refuses an impossible family with a 400 naming the field and the reason; nothing stored', async () => {
    const t: TestApp = await startTestApp();
    try {
      const session = await t.sessionCookie('gp');
      const csrf = await t.csrf(session);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie: `${csrf.cookie}; ${session}`, 'x-csrf-token': csrf.token, 'content-type': 'application/json' },
        payload: JSON.stringify({ type: 'identity.linked', at: '2024-01-01', person: 'known-baby', to: 'known-mum', basis: 'confirmed' }),
      });
      assert.equal(response.statusCode, 400);
      const problem = response.json();
      assert.equal(problem.errors[0].field, 'to');
      assert.match(problem.errors[0].reason, /"known-mum" is recorded as mother of "known-baby"/);
      assert.deepEqual(t.services.store.engine.world.identityGroup('known-baby'), ['known-baby'], 'not linked');
    } finally {
      await t.close();
    }
  });

  describe('batch import', () => {
    let store: RecordStore;
    const db = openDatabase({});
    before(async () => {
      store = await RecordStore.open(await db, PROTOCOLS, config, new VirtualClock());
    });
    after(async () => (await db).close());

    test('probe: family graph: a batch whose records make an impossible family among themselves is refused whole, with the event index', async () => {
      const batch = [...family, linked('kid', 'kid-elsewhere'), related('kid-elsewhere', 'mother', 'gran')];
      await assert.rejects(store.submitBatch(batch, 'import'), (error: Error) => {
        assert.match(error.message, new RegExp(`^event ${family.length + 1}: field 'person': "kid-elsewhere" cannot be mother of "gran"`));
        return true;
      });
      const { rows } = await (await db).query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      assert.equal(rows[0].n, 0, 'nothing of the batch is stored');
      assert.equal((await store.submitBatch(family, 'import')).accepted, family.length, 'the possible family goes in');
    });
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import type { PersonRecord } from '../linkage/person-record.ts';
import { IdentityLinker, type IdentityLinkerState } from './identity-linker.ts';
import { generateIdentifiedPopulation } from '../../bench/identified-population.ts';
import { interleave } from '../../bench/synthetic-population.ts';

const ZONE = 'Europe/London';

// 150 families: about 500 person records, with second records of parents by other
// agencies (links and reviews), practitioners' confirmations and partings, and families.
const raw = interleave(generateIdentifiedPopulation({ families: 150, seed: 41, duplicateShare: 0.6, decisionShare: 0.5 }));
const cut = Math.floor(raw.length * 0.7);
const people = raw.filter((e) => e.type === 'person.recorded');
// Recorded again under the same id after the snapshot, with another address: the known record moves.
const movedHouse = people
  .slice(0, 40)
  .filter((_, i) => i % 4 === 0)
  .map((e) => ({ ...e, at: raw.at(-1)!.at, postcode: 'ZZ9 9ZZ', phone: undefined }));
const events = checked([...raw, ...movedHouse]);
const before = events.slice(0, cut),
  after = events.slice(cut);

function checked(inputs: readonly Record<string, unknown>[]): ThreadEvent[] {
  return inputs.map((input, i) => {
    const result = checkEvent(input, ZONE, i + 1, `event-${i}`, Date.parse('2026-01-01'));
    if (!result.ok) throw new Error(`event ${i} does not validate: ${JSON.stringify(result.problems)}`);
    return result.event;
  });
}

function relearned(from: readonly ThreadEvent[]): IdentityLinker {
  const linker = new IdentityLinker(ZONE);
  for (const event of from) linker.observe(event, false);
  return linker;
}

const throughV8 = (state: IdentityLinkerState) => v8.deserialize(v8.serialize(state)) as IdentityLinkerState;

/** Every person of the population as a query: under their own id (decisions about it apply) and as a stranger's record. */
const queries: PersonRecord[] = people.flatMap((e) => {
  const record = {
    name: e.name as PersonRecord['name'],
    born: e.born as string | undefined,
    sex: e.sex as string | undefined,
    nhsNumber: e.nhsNumber as string | undefined,
    postcode: e.postcode as string | undefined,
    phone: e.phone as string | undefined,
    email: e.email as string | undefined,
  };
  return [
    { id: String(e.person), ...record },
    { id: `query-${String(e.person)}`, ...record, nhsNumber: undefined },
  ];
});

test('a linker restored from its state (through v8 serialize) gives exactly the candidates of one that relearned from the events', () => {
  const learnt = relearned(before);
  const restored = IdentityLinker.fromState(ZONE, throughV8(learnt.exportState()));
  let found = 0,
    decided = 0,
    guarded = 0;
  for (const query of queries) {
    const expected = learnt.candidates(query, 10);
    assert.deepEqual(restored.candidates(query, 10), expected, `candidates for ${query.id}`);
    found += expected.length;
    decided += expected.filter((m) => m.probability === 1).length;
    guarded += expected.filter((m) => m.waterfall.guards.length > 0).length;
  }
  // The comparison means something only if the population exercises what the state holds.
  assert.ok(found > queries.length, `candidates found: ${found}`);
  assert.ok(decided > 0, 'some candidates are linked by a practitioner or an NHS number');
  assert.ok(guarded > 0, 'some candidates share their chance with relatives or are impossible parents');
});

test('a restored linker goes on to propose exactly what the relearned one proposes, as new records arrive', () => {
  const learnt = relearned(before);
  const restored = IdentityLinker.fromState(ZONE, throughV8(learnt.exportState()));
  const proposed = new Map<string, number>();
  for (const event of after) {
    const expected = learnt.observe(event, true);
    assert.deepEqual(restored.observe(event, true), expected, `proposals on ${event.type} ${event.subject}`);
    for (const proposal of expected) proposed.set(String(proposal.type), (proposed.get(String(proposal.type)) ?? 0) + 1);
  }
  assert.ok((proposed.get('identity.linked') ?? 0) > 0 && (proposed.get('identity.review') ?? 0) > 0, JSON.stringify([...proposed]));
  for (const query of queries) assert.deepEqual(restored.candidates(query, 10), learnt.candidates(query, 10), `candidates for ${query.id}`);
  // And what it knows then is what the relearned one knows, state for state.
  assert.deepEqual(restored.exportState(), learnt.exportState());
  assert.deepEqual(restored.exportState(), relearned(events).exportState());
});

test("a linker's state is a few arrays and strings, not an object per record", () => {
  const state = relearned(events).exportState();
  let objects = 0;
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
    objects++;
    assert.ok(!Array.isArray(value), 'no plain arrays');
    Object.values(value).forEach(walk);
  };
  walk(state);
  assert.ok(objects < 10, `${objects} objects`);
});

test('importing a state replaces what a linker knew, and a state of an unknown format is refused', () => {
  const state = relearned(before).exportState();
  const linker = relearned(after);
  linker.importState(state);
  assert.deepEqual(linker.exportState(), state);
  assert.throws(() => IdentityLinker.fromState(ZONE, { ...state, format: 99 } as unknown as IdentityLinkerState), /format 99/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import type { PersonRecord } from '../linkage/person-record.ts';
import { unpackStrings, type PackedStrings } from '../linkage/string-table.ts';
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
  // And what it knows then is what the relearned ones know.
  assert.deepEqual(contents(restored.exportState()), contents(learnt.exportState()));
  assert.deepEqual(contents(restored.exportState()), contents(relearned(events).exportState()));
});

test('a state exported by a restored linker restores as well as the first', () => {
  const learnt = relearned(before);
  const restored = IdentityLinker.fromState(ZONE, throughV8(learnt.exportState()));
  for (const event of after.slice(0, after.length / 2)) {
    learnt.observe(event, true);
    restored.observe(event, true);
  }
  const again = IdentityLinker.fromState(ZONE, throughV8(restored.exportState()));
  for (const event of after.slice(after.length / 2)) assert.deepEqual(again.observe(event, true), learnt.observe(event, true));
  for (const query of queries) assert.deepEqual(again.candidates(query, 10), learnt.candidates(query, 10), `candidates for ${query.id}`);
});

test("a linker's state is typed arrays and strings, the same few hundred objects however many records", () => {
  const objects = (state: unknown) => {
    let count = 0;
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
      count++;
      Object.values(value).forEach(walk);
    };
    walk(state);
    return count;
  };
  const small = objects(relearned(before.slice(0, 500)).exportState());
  assert.equal(objects(relearned(events).exportState()), small);
  assert.ok(small < 500, `${small} objects`);
});

test('importing a state replaces what a linker knew, and a state of an unknown format is refused', () => {
  const state = relearned(before).exportState();
  const linker = relearned(after);
  linker.importState(state);
  assert.deepEqual(contents(linker.exportState()), contents(state));
  assert.throws(() => IdentityLinker.fromState(ZONE, { ...state, format: 99 } as unknown as IdentityLinkerState), /format 99/);
});

/**
 * What a state says, without the numbers that only stand for strings (which depend on
 * the order things were met): records in order, each blocking rule's groups of records,
 * counts of values, decisions and families.
 */
function contents(state: IdentityLinkerState) {
  const { records, blocking, frequencies, accepted, rejected, families } = state.index;
  const strings = (packed: PackedStrings) => unpackStrings(packed);
  const values = strings(records.values);
  const ids = strings(records.ids.strings);
  const fields = ids.length === 0 ? 0 : records.fields.length / ids.length;
  // Records in the order of their numbers; a number left out of the ids' order is a record forgotten.
  const known = new Set(records.ids.order);
  const recordRows = ids.flatMap((id, r) =>
    known.has(r)
      ? [[id, ...Array.from(records.fields.subarray(r * fields, (r + 1) * fields), (n) => (n === -2 ? id : n < 0 ? null : values[n]))]]
      : [],
  );
  const groups = blocking.map((table) => {
    const keys = strings(table.strings.strings);
    const list: string[] = [];
    for (let g = 0; g + 1 < table.starts.length; g++) {
      const members = Array.from(table.members.subarray(table.starts[g], table.starts[g + 1]), (m) => ids[m]);
      if (members.length > 0) list.push(JSON.stringify([g < table.numbers.length ? 'number' : keys[g - table.numbers.length], members]));
    }
    return list.sort();
  });
  const counted = frequencies.map((table) => {
    const tableValues = strings(table.values.strings);
    const counts = tableValues.map((value, v) => [value, table.counts[v]] as const).filter(([, count]) => count > 0);
    return { present: table.present, counts: Object.fromEntries(counts.sort()) };
  });
  const pairs = (packed: { strings: PackedStrings; pairs: Int32Array }) => {
    const named = strings(packed.strings);
    return Array.from(packed.pairs, (n) => named[n]);
  };
  const people = strings(families.people.strings);
  const rows = (starts: Int32Array, targets: Int32Array) => {
    const list: string[] = [];
    for (let p = 0; p < people.length; p++) for (let t = starts[p]; t < starts[p + 1]; t++) list.push(`${people[p]} ${people[targets[t]]}`);
    return list.sort();
  };
  const born = people
    .map((person, p) => `${person} ${families.born[p]}`)
    .filter((text) => !text.endsWith('NaN'))
    .sort();
  return {
    records: recordRows,
    groups,
    counted,
    accepted: pairs(accepted),
    rejected: pairs(rejected),
    relatives: rows(families.relativeStarts, families.relatives),
    children: rows(families.childStarts, families.children),
    born,
  };
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { IdentityIndex } from './identity-index.ts';
import type { IdentityIndexState } from './identity-index-state.ts';
import { generatePopulation } from '../../bench/linkage-synthetic-people.ts';

// 400 records of households (shared surnames, postcodes and landlines, twins), one to four
// records a person, each keyed by another hand; people are numbered by `truth`.
const population = generatePopulation({ records: 400, seed: 9 });
const known = population.records.slice(0, 300),
  later = population.records.slice(300);

function indexOf(records = known): IdentityIndex {
  const index = new IdentityIndex();
  records.forEach((record, i) => index.add(record, `person-${population.truth[i]}`));
  // Two of each person's records confirmed one, two households' members recorded as a family.
  index.recordDecision({ kind: 'accept', records: [known[1].id, known[7].id], by: { name: 'A Lead' }, reason: 'same', at: '2024-01-01' });
  index.recordDecision({ kind: 'reject', records: [known[2].id, known[3].id], by: { name: 'A Lead' }, reason: 'twins', at: '2024-01-02' });
  index.recordRelationship(known[4].id, known[5].id, { parent: true, childBorn: known[5].born });
  return index;
}

const restore = (index: IdentityIndex) => IdentityIndex.fromState(v8.deserialize(v8.serialize(index.exportState())) as IdentityIndexState);
const queries = population.records.map((record) => ({ ...record, id: `query-${record.id}` }));

test('a restored index matches every record exactly as the index it was exported from', () => {
  const original = indexOf();
  const restored = restore(original);
  assert.equal(restored.size, original.size);
  for (const query of [...queries, ...known]) assert.deepEqual(restored.match(query, { limit: 10 }), original.match(query, { limit: 10 }));
});

test('a restored index forgets, moves and learns records as the original does', () => {
  const original = indexOf();
  const restored = restore(original);
  for (const index of [original, restored]) {
    index.remove(known[0].id);
    index.remove(known[10].id);
    index.remove(known[10].id);
    index.remove(known[7].id); // accepted as one person with known[1]
    index.add({ ...known[11], postcode: 'ZZ1 1ZZ' }, 'person-moved');
    later.forEach((record, i) => index.add(record, `person-${population.truth[300 + i]}`));
    index.remove(later[0].id);
  }
  assert.equal(restored.size, original.size);
  for (const query of [...queries, ...known]) assert.deepEqual(restored.match(query, { limit: 10 }), original.match(query, { limit: 10 }));
  assert.ok(restored.match({ ...known[0], id: 'q' }).every((m) => m.recordId !== known[0].id));
});

test('an index that forgot many of its records numbers them afresh in its state, and restores exactly', () => {
  const original = indexOf();
  const restored = restore(original);
  for (const index of [original, restored]) for (const record of known.filter((_, i) => i % 5 === 0)) index.remove(record.id);
  for (const index of [original, restored]) {
    const state = index.exportState();
    assert.equal(state.records.ids.strings.ends.length, index.size, 'no gaps left');
    const again = IdentityIndex.fromState(v8.deserialize(v8.serialize(state)) as IdentityIndexState);
    for (const query of [...queries, ...known]) assert.deepEqual(again.match(query, { limit: 10 }), original.match(query, { limit: 10 }));
  }
});

test('a state with other blocking rules, or keys the code no longer computes, is refused', () => {
  const state = indexOf().exportState();
  assert.throws(() => IdentityIndex.fromState({ ...state, layout: 'same NHS number' }), /other blocking rules/);
  // The first rule's keys (NHS numbers) moved one record along: as if the code computed other keys.
  const [first, ...rest] = state.blocking;
  const shifted = { ...first, members: first.members.map((m) => (m + 1) % state.records.ids.order.length) };
  assert.throws(() => IdentityIndex.fromState({ ...state, blocking: [shifted, ...rest] }), /other linkage code/);
});

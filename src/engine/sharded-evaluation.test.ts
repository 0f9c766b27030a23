import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { VirtualClock } from './clock.ts';
import { Engine } from './engine.ts';
import { FamilyKeys, shardOf } from './family-keys.ts';
import { ShardedEvaluation } from './sharded-evaluation.ts';
import { generatePopulation, interleave } from '../../bench/synthetic-population.ts';

const ZONE = 'Europe/London';

function prepare(inputs: readonly Record<string, unknown>[]): ThreadEvent[] {
  return inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `k${i}`, 0);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

test('a family keeps its key when another family joins it, and the younger family moves', () => {
  const keys = new FamilyKeys();
  const event = (persons: string[]) => ({ persons }) as unknown as ThreadEvent;
  assert.equal(keys.observe(event(['a-mother', 'a-child'])).key, 'a-mother');
  assert.equal(keys.observe(event(['b-mother', 'b-child'])).key, 'b-mother');
  const joined = keys.observe(event(['b-child', 'a-mother']));
  assert.equal(joined.key, 'a-mother');
  assert.deepEqual(joined.merges, [{ from: 'b-mother', into: 'a-mother', persons: ['b-mother', 'b-child'] }]);
  assert.equal(keys.keyOf('b-child'), 'a-mother');
  assert.equal(keys.observe(event(['a-child'])).merges.length, 0);
});

test('evaluation sharded by family across two workers raises what one engine raises, across a merge between shards', async () => {
  const population = generatePopulation({ families: 60, seed: 11, riskShare: 0.3 });
  const inputs = interleave(population);
  // A father of one family recorded as the father of another family's child, in another shard: the families join.
  const [x, y] = (() => {
    for (const a of population)
      for (const b of population)
        if (shardOf(`${a.child.replace('-child', '-mother')}`, 2) !== shardOf(b.child.replace('-child', '-mother'), 2)) return [a, b];
    throw new Error('no two families in different shards');
  })();
  const late = inputs.findIndex((e) => e.type === 'birth' && e.child === y.child);
  inputs.splice(late + 1, 0, {
    ...inputs[late],
    type: 'relationship.recorded',
    person: x.child.replace('-child', '-mother'),
    of: y.child,
    kind: 'male-carer',
    child: undefined,
    mother: undefined,
    gestationWeeks: undefined,
    birthWeightKg: undefined,
    sex: undefined,
  });
  const events = prepare(JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>[]);
  const until = events.at(-1)!.at + 400 * 86_400_000;

  const config = loadPartnershipConfig({}, PROTOCOLS);
  const single = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
  for (const event of events) single.record(event);
  single.runUntil(until);
  const expected = [...single.world.allPersons()].flatMap((p) => single.world.findingsAbout(p.id).map((f) => f.id)).sort();

  const sharded = new ShardedEvaluation(2, {}, true, 50);
  try {
    await sharded.submit(events);
    const outcome = await sharded.finish(until);
    assert.ok(outcome.handovers >= 1, 'the joined family was handed from one worker to the other');
    assert.ok(outcome.moves > 1, 'fathers recorded before their relationship joined the family of the mother');
    assert.equal(outcome.events, events.length);
    assert.ok(expected.length > 10);
    assert.deepEqual(outcome.findingIds.sort(), expected);
    assert.equal(outcome.pendingWakes, single.pendingWakes);
  } finally {
    await sharded.close();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { VirtualClock } from './clock.ts';
import { Engine } from './engine.ts';
import { generatePopulation, interleave } from '../../bench/synthetic-population.ts';
import { enginePicture } from '../../test/world-picture.ts';

const ZONE = 'Europe/London';

function population(families: number, seed: number): ThreadEvent[] {
  const inputs = JSON.parse(JSON.stringify(interleave(generatePopulation({ families, seed, riskShare: 0.3 })))) as Record<
    string,
    unknown
  >[];
  return inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `k${i}`, 0);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

function engine(): Engine {
  return new Engine({ protocols: PROTOCOLS, config: loadPartnershipConfig({}, PROTOCOLS), clock: new VirtualClock() });
}

test('families kept serialised between records give the same findings, deadlines and picture as families kept in memory', () => {
  const events = population(80, 23);
  const until = events.at(-1)!.at + 400 * 86_400_000;
  const warm = engine();
  const cold = engine();
  let coldened = 0;
  for (const event of events) {
    const a = warm.record(event).map((f) => f.id);
    const b = cold.record(event).map((f) => f.id);
    assert.deepEqual(b, a, `findings raised by record ${event.seq}`);
    // Everything serialised after every record: each record and each query reads its family back.
    coldened += cold.world.keepHot(0);
  }
  assert.deepEqual(
    cold.runUntil(until).map((f) => f.id),
    warm.runUntil(until).map((f) => f.id),
  );
  assert.ok(coldened > events.length / 2, `families were serialised (${coldened} times)`);
  assert.ok(enginePicture(warm).people.flatMap((p) => p.findings).length > 20, 'the population raises findings');
  assert.deepEqual(enginePicture(cold), enginePicture(warm));
});

test('a record is found by its key, and a new key is not, while every family is cold', () => {
  const events = population(20, 5);
  const subject = engine();
  for (const event of events) subject.record(event);
  subject.world.keepHot(0);
  assert.equal(subject.world.familyCounts().hot, 0);
  const probe = events[Math.floor(events.length / 2)];
  assert.equal(subject.world.event(probe.key)?.type, probe.type);
  assert.ok(subject.world.familyCounts().hot >= 1, 'its family was read back');
  assert.equal(subject.world.hasEvent('never-recorded'), false);
  assert.equal([...subject.world.allEvents()].length, events.length, 'every record is still listed');
});

test('a snapshot of cold and warm families restores the same picture, and the restored engine carries on the same', () => {
  const events = population(60, 9);
  const half = Math.floor(events.length / 2);
  const original = engine();
  for (const event of events.slice(0, half)) original.record(event);
  original.world.keepHot(10);
  const restored = engine();
  restored.importState(deserialize(serialize(original.exportState())) as ReturnType<Engine['exportState']>);
  assert.equal(restored.world.familyCounts().hot, 0, 'a restored engine starts with every family cold');
  for (const event of events.slice(half)) {
    assert.deepEqual(
      restored.record(event).map((f) => f.id),
      original.record(event).map((f) => f.id),
    );
  }
  assert.deepEqual(enginePicture(restored), enginePicture(original));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { injuryInNonMobileInfant } from '../protocols/injury-in-non-mobile-infant.ts';
import { VirtualClock } from './clock.ts';
import { InMemoryRecord } from './in-memory-record.ts';

const ZONE = 'Europe/London';
const protocols = [injuryInNonMobileInfant];

function newRecord() {
  const record = new InMemoryRecord(protocols, loadPartnershipConfig({ timezone: ZONE }, protocols), new VirtualClock());
  record.submit({ at: '2023-01-09', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' }, 'k-mum');
  record.submit(
    {
      at: '2023-01-09T10:00',
      type: 'birth',
      child: 'baby',
      mother: 'mum',
      gestationWeeks: 40,
      birthWeightKg: 3.4,
      sex: 'female',
      agency: 'midwifery',
    },
    'k-birth',
  );
  return record;
}

/** Everything a refused event must leave untouched. */
function snapshot(record: InMemoryRecord) {
  const world = record.engine.world;
  return {
    events: record.events.length,
    persons: [...world.allPersons()].map((p) => `${p.id}:${p.role}:${p.events.length}`),
    babyEvents: world.eventsOf('baby').map((e) => e.key),
    findings: world.findingsAbout('baby').length,
    wakes: record.engine.pendingWakes,
    now: record.clock.now(),
  };
}

const refusals: [name: string, input: Record<string, unknown>, field: string][] = [
  ['an unknown event type', { at: '2023-03-06', type: 'injury.seen', person: 'baby', kind: 'bruise' }, 'type'],
  ['a value outside its list', { at: '2023-03-06', type: 'injury.observed', person: 'baby', kind: 'scratch' }, 'kind'],
  ['an unknown agency', { at: '2023-03-06', type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'nursery' }, 'agency'],
  ['an unknown person', { at: '2023-03-06', type: 'injury.observed', person: 'ghost', kind: 'bruise' }, 'person'],
  ['a date that does not exist', { at: '2023-02-30', type: 'injury.observed', person: 'baby', kind: 'bruise' }, 'at'],
  ['a date that is not a date', { at: 'yesterday', type: 'injury.observed', person: 'baby', kind: 'bruise' }, 'at'],
  ['a misspelt field', { at: '2023-03-06', type: 'injury.observed', persn: 'baby', kind: 'bruise' }, 'persn'],
  ['a missing required field', { at: '2023-03-06', type: 'injury.observed', person: 'baby' }, 'kind'],
  [
    'a correction of a record that does not exist',
    { at: '2023-03-06', type: 'injury.observed', person: 'baby', kind: 'bruise', supersedes: 'nope' },
    'supersedes',
  ],
  [
    'a birth of someone already born',
    { at: '2023-03-06', type: 'birth', child: 'baby', mother: 'mum', gestationWeeks: 40, birthWeightKg: 3.4, sex: 'female' },
    'child',
  ],
];

for (const [name, input, field] of refusals) {
  test(`refuses ${name} with a ValidationError naming '${field}', and changes nothing`, () => {
    const record = newRecord();
    const before = snapshot(record);
    assert.throws(
      () => record.submit({ ...input, id: 'refused' }, 'k-refused'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(
          error.problems.some((p) => p.field === field),
          `problems: ${JSON.stringify(error.problems)}`,
        );
        assert.match(error.message, new RegExp(`field '${field}'`));
        return true;
      },
    );
    assert.deepEqual(snapshot(record), before);
    assert.equal(record.engine.world.hasEvent('refused'), false);
    assert.equal(record.engine.world.hasPerson('ghost'), false);
  });
}

test('an accepted event after a refused one is recorded normally', () => {
  const record = newRecord();
  assert.throws(() => record.submit({ at: '2023-02-30', type: 'injury.observed', person: 'baby', kind: 'bruise' }, 'bad'));
  const result = record.submit({ at: '2023-03-06T10:00', type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp' }, 'good');
  assert.equal(result.status, 'accepted');
  assert.equal(result.findings.length, 1);
  assert.equal(record.events.length, 3);
});

test('the same idempotency key twice is stored once, and the retry raises nothing', () => {
  const record = newRecord();
  const injury = { at: '2023-03-06T10:00', type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp', id: 'inj-1' };
  const first = record.submit(injury, 'default-1');
  const second = record.submit(injury, 'default-2');
  assert.equal(first.status, 'accepted');
  assert.equal(first.findings.length, 1);
  assert.equal(second.status, 'duplicate');
  assert.equal(second.findings.length, 0);
  assert.equal(second.event, first.event);
  assert.equal(record.events.filter((e) => e.key === 'inj-1').length, 1);
  assert.equal(record.engine.world.eventsOf('baby').filter((e) => e.key === 'inj-1').length, 1);
  assert.equal(record.engine.world.findingsAbout('baby').length, 1);
});

test('without an id, the key the caller supplies is the idempotency key', () => {
  const record = newRecord();
  const injury = { at: '2023-03-06T10:00', type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp' };
  record.submit(injury, 'retry-me');
  assert.equal(record.submit(injury, 'retry-me').status, 'duplicate');
  assert.equal(record.events.length, 3);
  assert.equal(record.submit(injury, 'another').status, 'accepted');
  assert.equal(record.events.length, 4);
});

test("a correction hides the corrected record from the person's events; the log keeps both", () => {
  const record = newRecord();
  record.submit(
    { at: '2023-03-06T10:00', type: 'concern.recorded', person: 'baby', kind: 'unsafe-sleep', agency: 'health-visiting', id: 'c1' },
    'x',
  );
  const correction = record.submit(
    {
      at: '2023-03-06T10:00',
      type: 'concern.recorded',
      person: 'baby',
      kind: 'poor-home-conditions',
      agency: 'health-visiting',
      id: 'c2',
      supersedes: 'c1',
      note: 'wrong concern kind chosen',
    },
    'y',
  );
  assert.equal(correction.status, 'accepted');
  const world = record.engine.world;
  const visible = world.eventsOf('baby').map((e) => e.key);
  assert.ok(visible.includes('c2'));
  assert.ok(!visible.includes('c1'));
  assert.deepEqual(
    world.eventsOf('baby', 'concern.recorded').map((e) => e.key),
    ['c2'],
  );
  assert.deepEqual(record.events.map((e) => e.key).slice(-2), ['c1', 'c2']);
  assert.equal(world.event('c1')?.data.type, 'concern.recorded');
  assert.equal(world.event('c2')?.supersedes, 'c1');
});

test('accepted events are numbered in order of arrival', () => {
  const record = newRecord();
  record.submit({ at: '2023-03-06T10:00', type: 'concern.recorded', person: 'baby', kind: 'isolation' }, 'a');
  assert.deepEqual(
    record.events.map((e) => e.seq),
    [1, 2, 3],
  );
});

test('the same id with different content is refused, naming the id, and changes nothing', async () => {
  const { InMemoryRecord } = await import('./in-memory-record.ts');
  const { VirtualClock } = await import('./clock.ts');
  const { loadPartnershipConfig } = await import('../config/partnership-config.ts');
  const { ValidationError } = await import('../domain/validation-error.ts');
  const record = new InMemoryRecord([], loadPartnershipConfig({}, []), new VirtualClock());
  const first = { id: 'rec-1', at: '2023-01-01', type: 'person.recorded', person: 'm', role: 'adult' };
  record.submit(first, 'k1');
  assert.equal(
    record.submit({ role: 'adult', person: 'm', type: 'person.recorded', at: '2023-01-01', id: 'rec-1' }, 'k2').status,
    'duplicate',
  );
  assert.throws(
    () => record.submit({ ...first, role: 'child' }, 'k3'),
    (e: unknown) => e instanceof ValidationError && e.problems[0].field === 'id',
  );
  assert.equal(record.events.length, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { unsafeSleepObserved } from './unsafe-sleep-observed.ts';

// Contract: "an unsafe sleeping arrangement is recorded for a child under 1".
const only = [unsafeSleepObserved];
const CODE = 'unsafe-sleep-observed';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const unsafeSleep = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'concern.recorded',
  person: 'baby',
  kind: 'unsafe-sleep',
  agency: 'health-visiting',
  ...extra,
});

test('unsafe sleep recorded for an 8-week-old raises the finding at once, for the recording agency, citing the record', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    unsafeSleep('2023-03-06T11:00', { id: 'sleep-1', detail: 'baby sleeping on the sofa with father' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-06T11:00'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['sleep-1']);
  assert.equal(f.deadline, t('2023-03-06T11:00') + 7 * DAY_MS);
  assert.match(f.explanation, /recorded by health visiting on 6 Mar 2023.*baby sleeping on the sofa with father/);
});

test('recorded about the mother, it is raised for her baby under 1 and not for her 3-year-old', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    {
      at: '2023-01-10',
      type: 'person.recorded',
      person: 'sibling',
      role: 'child',
      born: '2020-01-05',
      sex: 'male',
      agency: 'health-visiting',
    },
    { at: '2023-01-10', type: 'relationship.recorded', person: 'mum', of: 'sibling', kind: 'mother', agency: 'health-visiting' },
    unsafeSleep('2023-03-06T11:00', { person: 'mum', agency: 'gp' }),
  );
  const found = h.raised(CODE);
  assert.deepEqual(
    found.map((f) => f.subject),
    ['baby'],
  );
  assert.equal(found[0].owner, 'gp');
});

test('stays quiet for another kind of concern', () => {
  const h = new ProtocolHarness(only).add(...family, unsafeSleep('2023-03-06T11:00', { kind: 'poor-home-conditions' }));
  assert.equal(h.raised(CODE).length, 0);
});

test('fires the day before the first birthday; stays quiet from the birthday', () => {
  const before = new ProtocolHarness(only).add(...newborn({ born: '2022-03-06' }), unsafeSleep('2023-03-05T11:00'));
  assert.equal(before.raised(CODE).length, 1);
  const on = new ProtocolHarness(only).add(...newborn({ born: '2022-03-06' }), unsafeSleep('2023-03-06T00:00'));
  assert.equal(on.raised(CODE).length, 0);
});

test('stays quiet during pregnancy (no child yet)', () => {
  const h = new ProtocolHarness(only).add(
    { at: '2023-01-16', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
    {
      at: '2023-01-23',
      type: 'pregnancy.booked',
      person: 'mum',
      unborn: 'bump',
      gestationWeeks: 12,
      due: '2023-07-01',
      agency: 'midwifery',
    },
    unsafeSleep('2023-05-01T11:00', { person: 'mum', agency: 'midwifery' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('the same record submitted twice raises once', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    unsafeSleep('2023-03-06T11:00', { id: 's' }),
    unsafeSleep('2023-03-06T11:00', { id: 's' }),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('the age limit follows the partnership configuration', () => {
  const toddler = newborn({ born: '2021-09-06' });
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { childUnderMonths: 24 } }).add(...toddler, unsafeSleep('2023-03-06T11:00')).raised(CODE).length,
    1,
  );
  assert.equal(new ProtocolHarness(only).add(...toddler, unsafeSleep('2023-03-06T11:00')).raised(CODE).length, 0);
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { childUnderMonths: 1 } }).add(...family, unsafeSleep('2023-03-06T11:00')).raised(CODE).length,
    0,
  );
});

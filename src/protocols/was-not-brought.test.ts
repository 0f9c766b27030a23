import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { wasNotBrought } from './was-not-brought.ts';

// Contract: "a child under 5 is not brought to a health appointment". Domain: a missed
// appointment for a baby is the child not brought, not a "did not attend".
const only = [wasNotBrought];
const CODE = 'was-not-brought';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const missed = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'appointment.missed',
  person: 'baby',
  agency: 'gp',
  kind: 'six-to-eight-week-review',
  reason: 'was-not-brought',
  ...extra,
});

test('a baby not brought to the 6–8 week check raises the finding at once, for the GP, citing the appointment', () => {
  const h = new ProtocolHarness(only).add(...family, missed('2023-03-06T11:00', { id: 'miss-1' }));
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-06T11:00'));
  assert.equal(f.owner, 'gp');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['miss-1']);
  assert.equal(f.deadline, t('2023-03-06T11:00') + 2 * DAY_MS);
  assert.match(f.explanation, /8 weeks old was not brought to a six to eight week review with the GP on 6 Mar 2023/);
});

test('a "did not attend" for a baby is treated as not brought, and says how it was recorded', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-03-06T11:00', { reason: 'did-not-attend', agency: 'hospital', kind: 'clinic' }),
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.owner, 'hospital');
  assert.match(f.explanation, /recorded as "did not attend"/);
});

for (const reason of ['cancelled-by-service', 'cancelled-by-family']) {
  test(`stays quiet for an appointment ${reason}`, () => {
    const h = new ProtocolHarness(only).add(...family, missed('2023-03-06T11:00', { reason }));
    assert.equal(h.raised(CODE).length, 0);
  });
}

test("stays quiet for an appointment with a service that is not health (children's centre)", () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-03-06T11:00', { agency: 'children-centre', kind: 'children-centre-session' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('fires the day before the fifth birthday; stays quiet from the birthday', () => {
  const before = new ProtocolHarness(only).add(...newborn({ born: '2018-03-01' }), missed('2023-02-28T11:00', { kind: 'clinic' }));
  assert.equal(before.raised(CODE).length, 1);
  const on = new ProtocolHarness(only).add(...newborn({ born: '2018-03-01' }), missed('2023-03-01T00:00', { kind: 'clinic' }));
  assert.equal(on.raised(CODE).length, 0);
});

test('stays quiet when the mother misses her own appointment', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-03-06T11:00', { person: 'mum', kind: 'gp-consultation', reason: 'did-not-attend' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('the same record submitted twice raises once; another missed appointment raises again', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-03-06T11:00', { id: 'a' }),
    missed('2023-03-06T11:00', { id: 'a' }),
    missed('2023-03-13T11:00', { id: 'b' }),
  );
  assert.deepEqual(
    h.raised(CODE).map((f) => f.evidence[0]),
    ['a', 'b'],
  );
});

test('the age limit and follow-up time follow the partnership configuration', () => {
  const threeYearOld = newborn({ born: '2020-03-01' });
  const narrower = new ProtocolHarness(only, { [CODE]: { childUnderYears: 2 } }).add(
    ...threeYearOld,
    missed('2023-03-06T11:00', { kind: 'clinic' }),
  );
  assert.equal(narrower.raised(CODE).length, 0);
  const byDefault = new ProtocolHarness(only).add(...threeYearOld, missed('2023-03-06T11:00', { kind: 'clinic' }));
  assert.equal(byDefault.raised(CODE).length, 1);
  const slower = new ProtocolHarness(only, { [CODE]: { followUpDays: 5 } }).add(...family, missed('2023-03-06T11:00'));
  assert.equal(slower.raised(CODE)[0].deadline, t('2023-03-06T11:00') + 5 * DAY_MS);
});

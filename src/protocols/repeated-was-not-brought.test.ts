import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { repeatedWasNotBrought } from './repeated-was-not-brought.ts';

// Contract: "two or more missed appointments or no-access visits for a child under 1 within
// 90 days".
const only = [repeatedWasNotBrought];
const CODE = 'repeated-was-not-brought';
const t = (iso: string) => parseLocal(iso, ZONE)!;
// Winter dates throughout, so that whole days are whole multiples of 24 hours.
const family = newborn({ born: '2023-10-02T10:00' });

const missed = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'appointment.missed',
  person: 'baby',
  agency: 'gp',
  kind: 'clinic',
  reason: 'was-not-brought',
  ...extra,
});
const noAccess = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'visit.no-access',
  person: 'baby',
  agency: 'health-visiting',
  ...extra,
});

test('a no-access visit then a missed appointment raise the finding at the second, citing both records', () => {
  const h = new ProtocolHarness(only).add(...family, noAccess('2023-11-01T10:00', { id: 'n1' }), missed('2023-12-04T11:00', { id: 'm2' }));
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-12-04T11:00'));
  assert.equal(f.owner, 'gp');
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.evidence, ['n1', 'm2']);
  assert.match(f.explanation, /^2 missed appointments or no-access visits/);
  assert.match(f.explanation, /no access to a home visit \(health visiting, 1 Nov 2023\)/);
  assert.match(f.explanation, /clinic missed \(the GP, 4 Dec 2023\)/);
});

test('stays quiet after a single missed appointment', () => {
  const h = new ProtocolHarness(only).add(...family, missed('2023-11-01T10:00'));
  assert.equal(h.raised(CODE).length, 0);
});

test('a no-access visit recorded against the mother counts for her baby', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    noAccess('2023-11-01T10:00', { person: 'mum' }),
    noAccess('2023-11-08T10:00', { person: 'mum' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].subject, 'baby');
});

test('89 days apart is within the window; 91 days apart is not', () => {
  const within = new ProtocolHarness(only).add(...family, missed('2023-11-01T10:00'), missed('2024-01-29T10:00'));
  assert.equal(within.raised(CODE).length, 1);
  const outside = new ProtocolHarness(only).add(...family, missed('2023-11-01T10:00'), missed('2024-01-31T10:00'));
  assert.equal(outside.raised(CODE).length, 0);
});

test('exactly 90 days apart is within 90 days', () => {
  const h = new ProtocolHarness(only).add(...family, missed('2023-11-01T10:00'), missed('2024-01-30T10:00'));
  assert.equal(h.raised(CODE).length, 1);
});

test('cancellations do not count as missed care', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-11-01T10:00', { reason: 'cancelled-by-service' }),
    missed('2023-11-08T10:00', { reason: 'cancelled-by-family' }),
    missed('2023-11-15T10:00'),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet when the child has turned 1 by the second miss', () => {
  const h = new ProtocolHarness(only).add(...family, missed('2024-09-20T10:00'), missed('2024-10-02T10:00'));
  assert.equal(h.raised(CODE).length, 0);
  const justUnder = new ProtocolHarness(only).add(...family, missed('2024-09-20T10:00'), missed('2024-10-02T09:00'));
  assert.equal(justUnder.raised(CODE).length, 1);
});

test('a third miss while the finding is open does not raise it again; nor does a resubmitted record', () => {
  const h = new ProtocolHarness(only).add(
    ...family,
    missed('2023-11-01T10:00', { id: 'a' }),
    missed('2023-11-08T10:00', { id: 'b' }),
    missed('2023-11-08T10:00', { id: 'b' }),
    noAccess('2023-11-15T10:00'),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('the count, window and age limit follow the partnership configuration', () => {
  const config = { [CODE]: { count: 3, windowDays: 30, childUnderMonths: 24 } };
  const two = new ProtocolHarness(only, config).add(...family, missed('2023-11-01T10:00'), missed('2023-11-08T10:00'));
  assert.equal(two.raised(CODE).length, 0);
  const three = new ProtocolHarness(only, config).add(
    ...family,
    missed('2023-11-01T10:00'),
    missed('2023-11-08T10:00'),
    noAccess('2023-11-20T10:00', { id: 'third' }),
  );
  const [f] = three.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-11-20T10:00'));
  assert.match(f.explanation, /^3 missed .* within 30 days/);
  const spread = new ProtocolHarness(only, config).add(
    ...family,
    missed('2023-11-01T10:00'),
    missed('2023-11-20T10:00'),
    missed('2023-12-05T10:00'),
  );
  assert.equal(spread.raised(CODE).length, 0);
  // 18 months old: outside the default age limit, inside 24 months.
  const toddler = new ProtocolHarness(only, config).add(
    ...family,
    missed('2025-04-01T10:00'),
    missed('2025-04-08T10:00'),
    missed('2025-04-15T10:00'),
  );
  assert.equal(toddler.raised(CODE).length, 1);
});

test('the baby is to be seen within 2 working days: raised on a Friday before a bank holiday, due by the end of Wednesday', () => {
  // Friday 22 December 2023: Christmas Day and Boxing Day fall on Monday and Tuesday.
  const h = new ProtocolHarness(only).add(...family, noAccess('2023-12-01T10:00'), missed('2023-12-22T11:00'));
  assert.equal(h.raised(CODE)[0]?.deadline, t('2023-12-28T23:59:59.999'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { noLeadProfessional } from './no-lead-professional.ts';
import { injuryInNonMobileInfant } from './injury-in-non-mobile-infant.ts';

// Contract: "a child on a plan (early help, child in need, child protection, looked after), or
// on a Universal Plus or Universal Partnership Plus offer, or under 1 with an open
// high-severity finding, has no current named allocation for that involvement for longer than
// the window (default 5 working days), including after an allocation ends with no successor".
const only = [noLeadProfessional];
const CODE = 'no-lead-professional';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const plan = (at: string, kind = 'child-protection'): EventInput => ({
  at,
  id: `plan-${kind}`,
  type: 'plan.started',
  person: 'baby',
  agency: 'children-social-care',
  kind,
});
const allocate = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'allocation.set',
  person: 'baby',
  agency: 'children-social-care',
  role: 'social-worker',
  name: 'Alex Smith',
  ...extra,
});
const end = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  id: 'end-1',
  type: 'allocation.ended',
  person: 'baby',
  agency: 'children-social-care',
  role: 'social-worker',
  name: 'Alex Smith',
  reason: 'left the authority',
  ...extra,
});

test('a child protection plan with no social worker named for 5 working days raises the finding', () => {
  // Plan on Wednesday 1 March 2023: five working days later is Wednesday 8 March.
  const h = new ProtocolHarness(only).add(...family, plan('2023-03-01T14:00')).runUntil('2023-03-20');
  const [f, ...more] = h.raised(CODE);
  assert.equal(more.length, 0);
  assert.equal(f.raisedAt, t('2023-03-08T23:59:59.999'));
  assert.equal(f.severity, 'high');
  assert.equal(f.owner, 'children-social-care');
  assert.deepEqual(f.evidence, ['plan-child-protection']);
  assert.match(
    f.explanation,
    /on a child protection plan \(recorded by children's social care on 1 Mar 2023\), and nobody has been named as social worker or lead professional since 1 Mar 2023/,
  );
});

test('stays quiet when a social worker is named within the window, or before the plan', () => {
  const within = new ProtocolHarness(only).add(...family, plan('2023-03-01T14:00'), allocate('2023-03-07T09:00')).runUntil('2023-03-20');
  assert.equal(within.raised(CODE).length, 0);
  const before = new ProtocolHarness(only).add(...family, allocate('2023-02-01'), plan('2023-03-01T14:00')).runUntil('2023-03-20');
  assert.equal(before.raised(CODE).length, 0);
});

test('a health visitor does not hold a child protection plan; a lead professional does', () => {
  const hv = new ProtocolHarness(only)
    .add(
      ...family,
      plan('2023-03-01T14:00'),
      allocate('2023-03-02', { agency: 'health-visiting', role: 'health-visitor', name: 'Sam Patel' }),
    )
    .runUntil('2023-03-20');
  assert.equal(hv.raised(CODE).length, 1);
  assert.match(hv.raised(CODE)[0].explanation, /Currently named: Sam Patel \(health visitor\)/);
  const lead = new ProtocolHarness(only)
    .add(...family, plan('2023-03-01T14:00'), allocate('2023-03-02', { role: 'lead-professional' }))
    .runUntil('2023-03-20');
  assert.equal(lead.raised(CODE).length, 0);
});

test('an allocation that ends with no successor opens a new window, counted from the ending', () => {
  // Ended on Friday 10 March 2023: five working days later is Friday 17 March.
  const h = new ProtocolHarness(only)
    .add(...family, allocate('2023-02-01'), plan('2023-03-01T14:00'), end('2023-03-10T16:00'))
    .runUntil('2023-03-30');
  const [f] = h.raised(CODE);
  assert.equal(f?.raisedAt, t('2023-03-17T23:59:59.999'));
  assert.match(f.explanation, /since Alex Smith's allocation ended on 10 Mar 2023 \(left the authority\)/);
  assert.ok(f.evidence.includes('end-1'));
  const succeeded = new ProtocolHarness(only)
    .add(...family, allocate('2023-02-01'), plan('2023-03-01T14:00'), end('2023-03-10T16:00'), allocate('2023-03-13', { name: 'Jo Brown' }))
    .runUntil('2023-03-30');
  assert.equal(succeeded.raised(CODE).length, 0);
});

test('a plan that ends within the window needs nobody', () => {
  const h = new ProtocolHarness(only)
    .add(...family, plan('2023-03-01T14:00', 'early-help'), {
      at: '2023-03-03',
      type: 'plan.ended',
      person: 'baby',
      agency: 'early-help',
      kind: 'early-help',
    })
    .runUntil('2023-03-20');
  assert.equal(h.raised(CODE).length, 0);
});

test('Universal Plus needs a named health visitor (medium severity, owned by health visiting)', () => {
  const offer: EventInput = {
    at: '2023-03-01T14:00',
    type: 'service-level.set',
    person: 'baby',
    agency: 'health-visiting',
    level: 'universal-plus',
  };
  const none = new ProtocolHarness(only).add(...family, offer).runUntil('2023-03-20');
  assert.deepEqual(
    none.raised(CODE).map((f) => [f.severity, f.owner]),
    [['medium', 'health-visiting']],
  );
  const named = new ProtocolHarness(only)
    .add(...family, offer, allocate('2023-03-02', { agency: 'health-visiting', role: 'health-visitor', name: 'Sam Patel' }))
    .runUntil('2023-03-20');
  assert.equal(named.raised(CODE).length, 0);
  const universal = new ProtocolHarness(only).add(...family, { ...offer, level: 'universal' }).runUntil('2023-03-20');
  assert.equal(universal.raised(CODE).length, 0);
});

test('a baby with an open high-severity finding needs someone named; an older child does not', () => {
  const bruise = (person: string): EventInput => ({
    at: '2023-03-01T10:00',
    type: 'injury.observed',
    person,
    kind: 'bruise',
    agency: 'gp',
  });
  const baby = new ProtocolHarness([injuryInNonMobileInfant, noLeadProfessional]).add(...family, bruise('baby')).runUntil('2023-03-20');
  const [f] = baby.raised(CODE);
  assert.equal(f?.raisedAt, t('2023-03-08T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.match(f.explanation, /a baby with an open high-severity finding \(injury in non mobile infant, raised 1 Mar 2023\)/);
  const named = new ProtocolHarness([injuryInNonMobileInfant, noLeadProfessional])
    .add(...family, bruise('baby'), allocate('2023-03-02'))
    .runUntil('2023-03-20');
  assert.equal(named.raised(CODE).length, 0);
});

test('one finding at a time for a child, even with two involvements unheld', () => {
  const h = new ProtocolHarness(only)
    .add(...family, plan('2023-03-01T14:00'), {
      at: '2023-03-01T15:00',
      type: 'service-level.set',
      person: 'baby',
      agency: 'health-visiting',
      level: 'universal-partnership-plus',
    })
    .runUntil('2023-03-30');
  assert.equal(h.raised(CODE).length, 1);
});

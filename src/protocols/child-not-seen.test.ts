import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { childNotSeen } from './child-not-seen.ts';

// Contract: "a home visit, new birth visit or review records a child under 5 as not seen,
// and no agency sees the child within the window (default 5 working days; 1 working day
// for a child on a plan or with an open high-severity finding)".
const only = [childNotSeen];
const CODE = 'child-not-seen';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });
// Wednesday 1 Mar 2023: 5 working days later is Wednesday 8 Mar.
const notSeen = (at = '2023-03-01T11:00', extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'baby',
  kind: 'home-visit',
  childSeen: false,
  agency: 'health-visiting',
  note: 'asleep upstairs',
  id: 'visit-1',
  ...extra,
});
const clinic = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'baby',
  kind: 'clinic',
  agency: 'gp',
  ...extra,
});

test('a baby not seen at a home visit and not seen by anyone for 5 working days raises the finding for the visiting agency', () => {
  const h = new ProtocolHarness(only).add(...family, notSeen()).runUntil('2023-03-20');
  const found = h.raised(CODE, 'baby');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.raisedAt, t('2023-03-08T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['visit-1']);
  assert.match(f.explanation, /was not seen at the home visit by health visiting on 1 Mar 2023 \(recorded: "asleep upstairs"\)/);
  assert.match(f.explanation, /in the 5 working days since/);
});

test('stays quiet when another agency sees the baby within the window (a clinic, a weight)', () => {
  const byClinic = new ProtocolHarness(only).add(...family, notSeen(), clinic('2023-03-07T10:00')).runUntil('2023-03-20');
  assert.equal(byClinic.raised(CODE).length, 0);
  const byWeight = new ProtocolHarness(only)
    .add(...family, notSeen(), {
      at: '2023-03-08T16:00',
      type: 'measurement',
      person: 'baby',
      kind: 'weight',
      value: 5.2,
      agency: 'health-visiting',
    })
    .runUntil('2023-03-20');
  assert.equal(byWeight.raised(CODE).length, 0);
});

test('a phone call is not seeing the child, nor is a later visit at which the child is again not seen', () => {
  const h = new ProtocolHarness(only)
    .add(...family, notSeen(), { at: '2023-03-02T10:00', type: 'contact', person: 'baby', kind: 'phone-call', agency: 'health-visiting' })
    .add(notSeen('2023-03-06T10:00', { id: 'visit-2' }))
    .runUntil('2023-03-20');
  assert.equal(h.raised(CODE).length, 1);
});

test('a child seen after the deadline does not undo the finding', () => {
  const h = new ProtocolHarness(only)
    .add(...family, notSeen())
    .runUntil('2023-03-09T10:00')
    .add(clinic('2023-03-09T10:00'));
  assert.equal(h.raised(CODE).length, 1);
});

test('a child on a plan has 1 working day, and the finding is high severity', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      { at: '2023-02-01T10:00', type: 'plan.started', person: 'baby', kind: 'child-protection', agency: 'children-social-care' },
      notSeen(),
    )
    .runUntil('2023-03-20');
  const [f] = h.raised(CODE);
  assert.equal(f.raisedAt, t('2023-03-02T23:59:59.999'));
  assert.equal(f.severity, 'high');
  assert.match(f.explanation, /on a child protection plan/);
});

test('a visit to the mother recording the child not seen concerns her young children who were not listed as seen', () => {
  const h = new ProtocolHarness(only).add(...family, notSeen('2023-03-01T11:00', { person: 'mum', seen: ['mum'] })).runUntil('2023-03-20');
  assert.equal(h.raised(CODE, 'baby').length, 1);
});

test('stays quiet for a child of 5 or over, and the age and window are configurable', () => {
  const older = newborn({ born: '2017-01-09T10:00', child: 'big', mother: 'mum2' });
  const h = new ProtocolHarness(only).add(...older, notSeen('2023-03-01T11:00', { person: 'big' })).runUntil('2023-03-20');
  assert.equal(h.raised(CODE).length, 0);
  const configured = new ProtocolHarness(only, { [CODE]: { childUnderMonths: 120, withinWorkingDays: 2 } })
    .add(...older, notSeen('2023-03-01T11:00', { person: 'big' }))
    .runUntil('2023-03-20');
  assert.equal(configured.raised(CODE)[0]?.raisedAt, t('2023-03-03T23:59:59.999'));
});

test('a clinic contact or a phone call with the child not seen is not a visit that needed to see the child', () => {
  const h = new ProtocolHarness(only).add(...family, notSeen('2023-03-01T11:00', { kind: 'phone-call' })).runUntil('2023-03-20');
  assert.equal(h.raised(CODE).length, 0);
});

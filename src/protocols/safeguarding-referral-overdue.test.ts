import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { safeguardingReferralOverdue } from './safeguarding-referral-overdue.ts';
import { injuryInNonMobileInfant } from './injury-in-non-mobile-infant.ts';
import { seriousIllnessInNonMobileInfant } from './serious-illness-in-non-mobile-infant.ts';
import { unsafeSleepObserved } from './unsafe-sleep-observed.ts';

// Contract: "a finding or an agreed action that requires a referral to children's social care
// is not followed by referral.made to children-social-care within the protocol's deadline
// (default: by the end of the same day)".
const protocols = [injuryInNonMobileInfant, seriousIllnessInNonMobileInfant, unsafeSleepObserved, safeguardingReferralOverdue];
const CODE = 'safeguarding-referral-overdue';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const bruise = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'injury.observed',
  person: 'baby',
  kind: 'bruise',
  site: 'cheek',
  agency: 'gp',
  ...extra,
});
const referral = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'referral.made',
  person: 'baby',
  agency: 'gp',
  to: 'children-social-care',
  reason: 'bruise to cheek',
  ...extra,
});
const agreedReferral = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'action.agreed',
  person: 'baby',
  agency: 'health-visiting',
  action: 'refer-to-children-social-care',
  ...extra,
});

test('a bruise with no referral by the end of the day raises the finding at midnight, owned by the agency that saw it', () => {
  const h = new ProtocolHarness(protocols).add(...family, bruise('2023-03-06T10:30', { id: 'bruise-1' })).runUntil('2023-03-07T09:00');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-06T23:59:59.999'));
  assert.equal(f.owner, 'gp');
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.evidence, ['bruise-1']);
  assert.match(f.explanation, /No referral to children's social care has been recorded by 6 Mar 2023/);
  assert.match(f.explanation, /injury in non mobile infant finding raised on 6 Mar 2023/);
  assert.match(f.action, /the GP owns it/);
});

test('nothing is raised before the deadline has passed', () => {
  const h = new ProtocolHarness(protocols).add(...family, bruise('2023-03-06T10:30')).runUntil('2023-03-06T23:59');
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet when the referral is made just in time, late in the same day', () => {
  const h = new ProtocolHarness(protocols).add(...family, bruise('2023-03-06T10:30'), referral('2023-03-06T23:59')).runUntil('2023-03-10');
  assert.equal(h.raised(CODE).length, 0);
});

test('a referral the next morning is late: the finding was already raised at midnight', () => {
  const h = new ProtocolHarness(protocols).add(...family, bruise('2023-03-06T10:30'), referral('2023-03-07T00:05')).runUntil('2023-03-10');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T23:59:59.999'));
});

test("a referral to another service (paediatrics) is not a referral to children's social care", () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, bruise('2023-03-06T10:30'), referral('2023-03-06T11:00', { to: 'paediatrics' }))
    .runUntil('2023-03-07T01:00');
  assert.equal(h.raised(CODE).length, 1);
});

test('a referral made earlier the same day, before the injury was seen, does not follow the finding', () => {
  const h = new ProtocolHarness(protocols)
    .add(
      ...family,
      referral('2023-03-06T09:00', { reason: 'poor home conditions', agency: 'health-visiting' }),
      bruise('2023-03-06T15:00', { agency: 'emergency-department' }),
    )
    .runUntil('2023-03-07T01:00');
  assert.equal(h.raised(CODE).length, 1);
});

test('follows a serious-illness finding too', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, {
      at: '2023-03-06T14:00',
      type: 'illness.presented',
      person: 'baby',
      severity: 'serious-unexpected',
      agency: 'ambulance',
      id: 'ill',
    })
    .runUntil('2023-03-07T01:00');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.owner, 'ambulance');
  assert.deepEqual(f.evidence, ['ill']);
  assert.match(f.explanation, /serious illness in non mobile infant finding/);
});

test('stays quiet after a finding that does not require a referral (unsafe sleep)', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, { at: '2023-03-06T14:00', type: 'concern.recorded', person: 'baby', kind: 'unsafe-sleep', agency: 'health-visiting' })
    .runUntil('2023-03-10');
  assert.equal(h.raised('unsafe-sleep-observed').length, 1);
  assert.equal(h.raised(CODE).length, 0);
});

test('an agreed action to refer, with no due date and no referral, is overdue at the end of that day', () => {
  const h = new ProtocolHarness(protocols).add(...family, agreedReferral('2023-03-06T11:00', { id: 'act-1' })).runUntil('2023-03-08');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.raisedAt, t('2023-03-06T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['act-1']);
  assert.match(f.explanation, /action to refer to children's social care agreed by health visiting on 6 Mar 2023/);
});

test('an agreed action to refer is satisfied by a referral made the same day', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, agreedReferral('2023-03-06T11:00'), referral('2023-03-06T16:00', { agency: 'health-visiting' }))
    .runUntil('2023-03-08');
  assert.equal(h.raised(CODE).length, 0);
});

test('an agreed action with a due time is followed to that time', () => {
  const met = new ProtocolHarness(protocols)
    .add(
      ...family,
      agreedReferral('2023-03-06T11:00', { due: '2023-03-08T12:00' }),
      referral('2023-03-08T11:30', { agency: 'health-visiting' }),
    )
    .runUntil('2023-03-10');
  assert.equal(met.raised(CODE).length, 0);
  const missed = new ProtocolHarness(protocols)
    .add(...family, agreedReferral('2023-03-06T11:00', { due: '2023-03-08T12:00' }))
    .runUntil('2023-03-10');
  const [f] = missed.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-08T12:00'));
});

test('an action due on a date (no time) is met by a referral made during that day', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, agreedReferral('2023-03-06T11:00', { due: '2023-03-08' }), referral('2023-03-08T10:00', { agency: 'health-visiting' }))
    .runUntil('2023-03-10');
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet for an agreed action of another kind (a home visit)', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, agreedReferral('2023-03-06T11:00', { action: 'home-visit' }))
    .runUntil('2023-03-10');
  assert.equal(h.raised(CODE).length, 0);
});

test('the same injury reported twice on one day leads to one overdue finding', () => {
  const h = new ProtocolHarness(protocols)
    .add(...family, bruise('2023-03-06T10:30'), bruise('2023-03-06T15:00', { agency: 'emergency-department' }))
    .runUntil('2023-03-07T01:00')
    .runUntil('2023-03-09');
  assert.equal(h.raised('injury-in-non-mobile-infant').length, 1);
  assert.equal(h.raised(CODE).length, 1);
});

test('the deadline follows the partnership configuration (4 hours instead of end of day)', () => {
  const config = { [CODE]: { deadlineHours: 4 } };
  const late = new ProtocolHarness(protocols, config).add(...family, bruise('2023-03-06T10:30')).runUntil('2023-03-06T20:00');
  const [f] = late.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T14:30'));
  assert.equal(f.deadline, t('2023-03-06T14:30') + HOUR_MS);
  const justInTime = new ProtocolHarness(protocols, config)
    .add(...family, bruise('2023-03-06T10:30'), referral('2023-03-06T14:29'))
    .runUntil('2023-03-07');
  assert.equal(justInTime.raised(CODE).length, 0);
});

test('faltering growth with two signs of neglect and no referral by the end of the next working day is raised (review 002, Child Two)', async () => {
  const { falteringGrowth } = await import('./faltering-growth.ts');
  const protocols = [falteringGrowth, safeguardingReferralOverdue];
  const start = [
    ...newborn({ born: '2023-01-09T10:00', sex: 'male', birthWeightKg: 3.6 }),
    { at: '2023-03-20T10:00', type: 'measurement', person: 'baby', kind: 'weight', value: 4.3, agency: 'health-visiting' },
  ];
  const h = new ProtocolHarness(protocols)
    .add(
      ...start,
      { at: '2023-03-20T10:20', type: 'concern.recorded', person: 'baby', kind: 'unsafe-sleep', agency: 'health-visiting' },
      { at: '2023-03-24T10:00', type: 'visit.no-access', person: 'mum', agency: 'health-visiting' },
    )
    .runUntil('2023-03-28T00:00');
  assert.ok(h.raised('faltering-growth', 'baby').length >= 1, 'the weight is a faltering-growth finding');
  const [overdue] = h.raised('safeguarding-referral-overdue', 'baby');
  assert.ok(overdue);
  // The second sign was on Friday 24 March: the next working day is Monday 27 March.
  assert.equal(overdue.raisedAt, t('2023-03-27T23:59:59.999'));
  assert.match(overdue.explanation, /unsafe sleep.*no access to a home visit/);

  const referred = new ProtocolHarness(protocols)
    .add(
      ...start,
      { at: '2023-03-20T10:20', type: 'concern.recorded', person: 'baby', kind: 'unsafe-sleep', agency: 'health-visiting' },
      { at: '2023-03-24T10:00', type: 'visit.no-access', person: 'mum', agency: 'health-visiting' },
      {
        at: '2023-03-24T15:00',
        type: 'referral.made',
        person: 'baby',
        to: 'children-social-care',
        agency: 'health-visiting',
        reason: 'weight and engagement',
      },
    )
    .runUntil('2023-03-27T00:00');
  assert.equal(referred.raised('safeguarding-referral-overdue').length, 0);

  const oneSign = new ProtocolHarness(protocols)
    .add(...start, { at: '2023-03-20T10:20', type: 'concern.recorded', person: 'baby', kind: 'unsafe-sleep', agency: 'health-visiting' })
    .runUntil('2023-03-27T00:00');
  assert.equal(oneSign.raised('safeguarding-referral-overdue').length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { persistentNeglect } from './persistent-neglect.ts';

// Contract: "across the children of a household over a rolling window (default 24 months),
// neglect indicators ... reach the protocol's threshold while no children's social care
// assessment or plan is open and no Graded Care Profile 2 has been completed in the window;
// raised for each child of the household".
const only = [persistentNeglect];
const CODE = 'persistent-neglect';
const t = (iso: string) => parseLocal(iso, ZONE)!;

// An elder child born 2021 and a baby born 2023 to the same mother.
const family: EventInput[] = [
  ...newborn({ born: '2021-03-01T10:00', child: 'elder' }),
  {
    at: '2023-01-09T10:00',
    type: 'birth',
    child: 'baby',
    mother: 'mum',
    gestationWeeks: 40,
    birthWeightKg: 3.4,
    sex: 'male',
    agency: 'midwifery',
  },
];
const concern = (at: string, person: string, kind: string, agency = 'health-visiting'): EventInput => ({
  at,
  type: 'concern.recorded',
  person,
  kind,
  agency,
  severity: 'low',
});
const notBrought = (at: string, person: string): EventInput => ({
  at,
  type: 'appointment.missed',
  person,
  kind: 'clinic',
  reason: 'was-not-brought',
  agency: 'gp',
});
const notSeen = (at: string, person: string): EventInput => ({
  at,
  type: 'contact',
  person,
  kind: 'home-visit',
  childSeen: false,
  agency: 'health-visiting',
  note: 'asleep upstairs',
});
const gcp2 = (at: string, scores: Record<string, number>): EventInput => ({
  at,
  type: 'assessment.recorded',
  person: 'baby',
  agency: 'health-visiting',
  tool: 'graded-care-profile-2',
  scores,
});

// Signs spread over two years, three agencies and both children; none alone is much.
const pattern: EventInput[] = [
  notBrought('2022-02-10T10:00', 'elder'), // +1
  concern('2022-06-15T10:00', 'elder', 'dental-neglect', 'gp'), // +1
  concern('2023-02-01T10:00', 'mum', 'poor-home-conditions'), // +2
  notSeen('2023-03-01T10:00', 'elder'), // +1
  { ...concern('2023-04-04T11:00', 'baby', 'poor-hygiene', 'children-centre'), id: 'last-sign' }, // +1 = 6
];

test('indicators across both children, the mother and three agencies reach the threshold: raised for each child, listing every indicator', () => {
  const h = new ProtocolHarness(only).add(...family, ...pattern).runUntil('2023-04-10');
  const forBaby = h.raised(CODE, 'baby');
  const forElder = h.raised(CODE, 'elder');
  assert.equal(forBaby.length, 1);
  assert.equal(forElder.length, 1);
  const [f] = forBaby;
  assert.equal(f.raisedAt, t('2023-04-04T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.match(
    f.explanation,
    /Across the 2 children of this household over the last 24 months, 5 indicators of possible neglect recorded by 3 agencies score 6 against a threshold of 6/,
  );
  assert.match(f.explanation, /10 Feb 2022, the GP, elder \(sibling\): not brought to an appointment \(clinic\), \+1/);
  assert.match(f.explanation, /15 Jun 2022, the GP, elder \(sibling\): dental neglect, \+1/);
  assert.match(f.explanation, /1 Feb 2023, health visiting, the mother: poor home conditions, \+2/);
  assert.match(f.explanation, /1 Mar 2023, health visiting, elder \(sibling\): child not seen at a visit \(home visit\), \+1/);
  assert.match(f.explanation, /4 Apr 2023, the children's centre, this child: poor hygiene, \+1/);
  assert.match(f.action, /Complete a Graded Care Profile 2 with the family by 14 Apr 2023 \(none has been done in the last 24 months\)/);
  assert.ok(f.evidence.includes('last-sign'));
  assert.equal(f.evidence.length, 5);
});

test('stays quiet one point short of the threshold', () => {
  const h = new ProtocolHarness(only).add(...family, ...pattern.slice(0, 4)).runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet when the score is reached by one kind of sign alone (missed appointments)', () => {
  const misses = ['2022-05-01', '2022-08-01', '2022-11-01', '2023-02-01', '2023-03-01', '2023-04-03'].map((d) =>
    notBrought(`${d}T10:00`, 'elder'),
  );
  const h = new ProtocolHarness(only).add(...family, ...misses).runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('signs older than the rolling window do not count; the window is configurable', () => {
  const early = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 4), concern('2024-03-01T10:00', 'baby', 'poor-hygiene'))
    .runUntil('2024-03-10');
  // By March 2024 the missed appointment of Feb 2022 has left the 24-month window: 5 points remain.
  assert.equal(early.raised(CODE).length, 0);
  const wider = new ProtocolHarness(only, { [CODE]: { windowMonths: 36 } })
    .add(...family, ...pattern.slice(0, 4), concern('2024-03-01T10:00', 'baby', 'poor-hygiene'))
    .runUntil('2024-03-10');
  assert.equal(wider.raised(CODE, 'baby').length, 1);
  assert.match(wider.raised(CODE, 'baby')[0].explanation, /over the last 36 months/);
});

test('improvement is counted: home conditions improved takes its weight off the score', () => {
  const h = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 4), concern('2023-03-20T10:00', 'mum', 'home-conditions-improved'), pattern[4])
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 0);
  const more = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 4), concern('2023-03-20T10:00', 'mum', 'home-conditions-improved'), pattern[4])
    .add(notBrought('2023-05-02T10:00', 'baby'), notBrought('2023-05-16T10:00', 'baby'))
    .runUntil('2023-06-01');
  const [f] = more.raised(CODE, 'baby');
  assert.ok(f);
  assert.match(f.explanation, /20 Mar 2023, health visiting, the mother: home conditions improved, -2/);
});

test('weights and threshold come from the partnership configuration', () => {
  const h = new ProtocolHarness(only, { [CODE]: { threshold: 4, weights: { 'poor-home-conditions': 3 } } })
    .add(
      ...family,
      notBrought('2023-01-20T10:00', 'elder'),
      concern('2023-02-01T10:00', 'mum', 'poor-home-conditions'),
      concern('2023-02-02T10:00', 'elder', 'dental-neglect'),
    )
    .runUntil('2023-03-01');
  assert.equal(h.raised(CODE, 'baby').length, 1);
  assert.match(h.raised(CODE, 'baby')[0].explanation, /poor home conditions, \+3/);
});

test('stays quiet while a child of the household is on a child in need or protection plan', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      { at: '2022-12-01T10:00', type: 'plan.started', person: 'elder', kind: 'child-in-need', agency: 'children-social-care' },
      ...pattern,
    )
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 0);
});

test("stays quiet while a children's social care assessment is open, and not once it is completed with nothing open", () => {
  const decision: EventInput = {
    at: '2023-03-20T10:00',
    type: 'referral.decision',
    person: 'baby',
    agency: 'children-social-care',
    outcome: 'assessment',
    recordedBy: { role: 'social worker', qualified: true },
  };
  const open = new ProtocolHarness(only).add(...family, ...pattern.slice(0, 4), decision, pattern[4]).runUntil('2023-04-10');
  assert.equal(open.raised(CODE).length, 0);
  const done = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 4), decision)
    .add({
      at: '2023-03-30T10:00',
      type: 'assessment.recorded',
      person: 'baby',
      agency: 'children-social-care',
      tool: 'single-assessment',
      outcome: 'no further action',
    })
    .add(pattern[4])
    .runUntil('2023-04-10');
  assert.equal(done.raised(CODE, 'baby').length, 1);
});

test('a Graded Care Profile 2 in the window with no area of concern quietens it; one with an area at 4 or 5 is itself an indicator, and the action is a referral', () => {
  const fine = new ProtocolHarness(only)
    .add(...family, gcp2('2023-03-10T10:00', { physical: 3, safety: 2, love: 2, esteem: 2 }), ...pattern)
    .runUntil('2023-06-01');
  assert.equal(fine.raised(CODE).length, 0);
  const poor = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 3), gcp2('2023-03-10T10:00', { physical: 4, safety: 3, love: 2, esteem: 2 }))
    .runUntil('2023-06-01');
  const [f] = poor.raised(CODE, 'baby');
  assert.ok(f);
  assert.equal(f.severity, 'high');
  assert.match(f.explanation, /Graded Care Profile 2 area scored 4 or 5 \(physical care 4\), \+3/);
  assert.match(f.action, /refer to children's social care \(MASH\)/);
  assert.doesNotMatch(f.action, /Complete a Graded Care Profile 2/);
});

test('immunisations overdue and faltering growth found by other protocols count as indicators', async () => {
  const { immunisationsOverdue } = await import('./immunisations-overdue.ts');
  const elderJabs = [
    ['2021-04-27', '8-weeks'],
    ['2021-05-25', '12-weeks'],
    ['2021-06-22', '16-weeks'],
    ['2022-03-02', '1-year'],
  ].map(([d, stage]) => ({ at: `${d}T10:00`, type: 'immunisation.given', person: 'elder', stage, agency: 'gp' }));
  const h = new ProtocolHarness([immunisationsOverdue, persistentNeglect])
    .add(
      ...family.slice(0, 2),
      ...elderJabs,
      family[2],
      concern('2023-02-01T10:00', 'mum', 'poor-home-conditions'),
      notSeen('2023-03-01T10:00', 'elder'),
      notBrought('2023-03-06T10:00', 'baby'),
    )
    .add(concern('2023-03-20T10:00', 'baby', 'treatment-not-followed', 'gp'))
    .runUntil('2023-04-10');
  const [f] = h.raised(CODE, 'baby');
  assert.ok(f, 'raised once the immunisations are overdue');
  assert.equal(f.raisedAt, t('2023-04-03T23:59:59.999'), f.explanation);
  assert.match(f.explanation, /3 Apr 2023, the GP, this child: immunisations overdue, \+1/);
});

test("an adult's own non-engagement with probation is not a sign of the children's care", () => {
  const h = new ProtocolHarness(only)
    .add(...family, ...pattern.slice(0, 4), concern('2023-04-04T11:00', 'mum', 'non-engagement', 'probation'))
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { frontDoorDecisionNeedsReview } from './front-door-decision-needs-review.ts';
import { preBirthAssessmentIndicated } from './pre-birth-assessment-indicated.ts';

// Contract: "a front-door decision of no further action or signposting is made by an
// unqualified worker, or without regard to known history (parent's own care history, a
// previous child removed, earlier referrals)".
const only = [frontDoorDecisionNeedsReview];
const CODE = 'front-door-decision-needs-review';
const t = (iso: string) => parseLocal(iso, ZONE)!;

const pregnancy: EventInput[] = [
  { at: '2022-07-13T09:00', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'children-social-care' },
  {
    at: '2022-07-20T10:00',
    type: 'pregnancy.booked',
    person: 'mum',
    unborn: 'unborn',
    gestationWeeks: 10,
    due: '2023-02-15',
    agency: 'midwifery',
  },
];
const careHistory: EventInput = {
  at: '2022-07-13T09:05',
  type: 'concern.recorded',
  person: 'mum',
  kind: 'care-experienced-parent',
  agency: 'children-social-care',
  id: 'ce',
  detail: 'Child protection plans throughout childhood.',
};
const referral = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'referral.made',
  person: 'unborn',
  to: 'children-social-care',
  agency: 'family-or-public',
  reason: 'anonymous concerns',
  ...extra,
});
const decision = (at: string, qualified: boolean | undefined, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'referral.decision',
  person: 'unborn',
  outcome: 'no-further-action',
  agency: 'children-social-care',
  ...(qualified === undefined ? {} : { recordedBy: { role: 'child information and advice officer', qualified } }),
  ...extra,
});

test("no further action by an unqualified worker, with the mother's care history on record: raised at once, high, for children's social care, naming both", () => {
  const h = new ProtocolHarness(only).add(
    ...pregnancy,
    careHistory,
    referral('2023-01-11T11:00', { id: 'ref' }),
    decision('2023-01-12T10:30', false, { id: 'dec', rationale: 'No concerns raised in conversation with Ms D.' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'unborn');
  assert.equal(f.raisedAt, t('2023-01-12T10:30'));
  assert.equal(f.severity, 'high');
  assert.equal(f.owner, 'children-social-care');
  assert.equal(f.deadline, t('2023-01-13T10:30'));
  assert.deepEqual(f.evidence, ['dec', 'ce']);
  assert.match(
    f.explanation,
    /decided no further action on the referral about the unborn baby \(children's social care on 12 Jan 2023, recorded by a child information and advice officer, not a qualified social worker\)/,
  );
  assert.match(f.explanation, /rationale "No concerns raised in conversation with Ms D"\. The decision needs review/);
  assert.match(
    f.explanation,
    /not a qualified social worker, and the record already held: the mother's own care history \(care-experienced parent: "Child protection plans throughout childhood\."\), recorded by children's social care on 13 Jul 2022/,
  );
  assert.doesNotMatch(f.explanation, /anonymous concerns/, 'the referral being decided is not "earlier history"');
});

test('stays quiet for a qualified decision, or one whose qualification is not recorded, when the record holds no history', () => {
  for (const qualified of [true, undefined]) {
    const h = new ProtocolHarness(only).add(...pregnancy, referral('2023-01-11'), decision('2023-01-12', qualified));
    assert.equal(h.raised(CODE).length, 0, String(qualified));
  }
});

test('a qualified decision that closes despite the history is raised; medium for an older child', () => {
  const unborn = new ProtocolHarness(only).add(...pregnancy, careHistory, referral('2023-01-11'), decision('2023-01-12', true));
  assert.deepEqual(
    unborn.raised(CODE).map((f) => f.severity),
    ['high'],
  );
  const older = new ProtocolHarness(only).add(
    ...newborn({ born: '2019-01-01' }),
    { at: '2022-01-01', type: 'concern.recorded', person: 'mum', kind: 'previous-child-removed', agency: 'children-social-care' },
    {
      at: '2023-01-12',
      type: 'referral.decision',
      person: 'baby',
      outcome: 'signpost',
      agency: 'children-social-care',
      recordedBy: { role: 'social worker', qualified: true },
    },
  );
  const [f] = older.raised(CODE);
  assert.equal(f?.severity, 'medium');
  assert.match(
    f.explanation,
    /decided signpost.*a previous child removed from the mother's care, recorded by children's social care on 1 Jan 2022/,
  );
});

test('decisions to assess or help are not reviewed, even by an unqualified worker', () => {
  const h = new ProtocolHarness(only).add(
    ...pregnancy,
    careHistory,
    referral('2023-01-11'),
    decision('2023-01-12', false, { outcome: 'assessment' }),
    decision('2023-01-13', false, { outcome: 'early-help' }),
  );
  assert.equal(h.raised(CODE).length, 0);
});

test('an earlier referral about a sibling within two years is history; one older than two years is not', () => {
  const sibling = (refAt: string): EventInput[] => [
    { ...pregnancy[0], at: '2020-01-01' },
    { at: '2020-01-01', type: 'person.recorded', person: 'elder', role: 'child', born: '2019-06-01', agency: 'health-visiting' },
    { at: '2020-01-01', type: 'relationship.recorded', person: 'mum', of: 'elder', kind: 'mother', agency: 'health-visiting' },
    { at: refAt, type: 'referral.made', person: 'elder', to: 'children-social-care', agency: 'school', id: 'old-ref' },
  ];
  const recent = new ProtocolHarness(only).add(
    ...sibling('2021-02-01'),
    pregnancy[1],
    referral('2023-01-11'),
    decision('2023-01-12', true),
  );
  const [f] = recent.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /a referral about a sibling, made by the school on 1 Feb 2021/);
  assert.ok(f.evidence.includes('old-ref'));
  const old = new ProtocolHarness(only).add(...sibling('2021-01-11'), pregnancy[1], referral('2023-01-11'), decision('2023-01-12', true));
  assert.equal(old.raised(CODE).length, 0);
});

test('an earlier closed decision about the same unborn baby counts as an earlier referral', () => {
  const h = new ProtocolHarness(only).add(
    ...pregnancy,
    referral('2022-09-01', { id: 'r1' }),
    decision('2022-09-02', true, { id: 'd1' }),
    referral('2023-01-11', { id: 'r2' }),
    decision('2023-01-12', true, { id: 'd2' }),
  );
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].dedupeKey, 'd2');
  assert.match(found[0].explanation, /a referral about the unborn baby, made by a family member or the public on 1 Sep 2022/);
});

test('a decision about the mother is raised for her unborn baby', () => {
  const h = new ProtocolHarness(only).add(...pregnancy, careHistory, decision('2023-01-12', false, { person: 'mum' }));
  const [f] = h.raised(CODE);
  assert.equal(f?.subject, 'unborn');
  assert.match(f.explanation, /referral about the mother of an unborn baby/);
});

test('an open pre-birth finding is history the decision should weigh', () => {
  const h = new ProtocolHarness([preBirthAssessmentIndicated, frontDoorDecisionNeedsReview]).add(
    ...pregnancy.slice(0, 1),
    { at: '2022-07-13', type: 'concern.recorded', person: 'mum', kind: 'learning-disability', agency: 'gp' },
    { at: '2022-07-13', type: 'concern.recorded', person: 'mum', kind: 'domestic-abuse', agency: 'police' },
    pregnancy[1],
    referral('2022-08-01'),
    decision('2022-08-02', true),
  );
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /an open pre-birth-assessment-indicated finding raised on 20 Jul 2022/);
});

test('idempotent: one finding per decision, a resubmitted decision is not raised again', () => {
  const h = new ProtocolHarness(only).add(
    ...pregnancy,
    careHistory,
    referral('2023-01-11'),
    decision('2023-01-12', false, { id: 'dec' }),
    decision('2023-01-12', false, { id: 'dec' }),
  );
  assert.equal(h.raised(CODE).length, 1);
});

test('configurable per partnership: qualification rule, look-back and outcomes', () => {
  const unqualifiedOnly = [...pregnancy, referral('2023-01-11'), decision('2023-01-12', false)];
  assert.equal(new ProtocolHarness(only).add(...unqualifiedOnly).raised(CODE).length, 1);
  assert.equal(new ProtocolHarness(only, { [CODE]: { requireQualified: false } }).add(...unqualifiedOnly).raised(CODE).length, 0);
  const earlyHelp = [...pregnancy, careHistory, referral('2023-01-11'), decision('2023-01-12', true, { outcome: 'early-help' })];
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { outcomes: ['no-further-action', 'signpost', 'early-help'] } }).add(...earlyHelp).raised(CODE)
      .length,
    1,
  );
  const threeYears = [...pregnancy, referral('2020-03-01', { person: 'mum' }), referral('2023-01-11'), decision('2023-01-12', true)];
  assert.equal(new ProtocolHarness(only).add(...threeYears).raised(CODE).length, 0);
  assert.equal(new ProtocolHarness(only, { [CODE]: { earlierReferralMonths: 36 } }).add(...threeYears).raised(CODE).length, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { parentRiskNotShared } from './parent-risk-not-shared.ts';

// Contract: "an adult service (mental health, probation, substance misuse, police domestic
// abuse) holds a concern about a parent or carer of a child under 5 or an unborn baby, and no
// information has been shared with health visiting, midwifery or the GP within 7 days".
const only = [parentRiskNotShared];
const CODE = 'parent-risk-not-shared';
const t = (iso: string) => parseLocal(iso, ZONE)!;

const pregnancy: EventInput[] = [
  { at: '2017-09-01', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
  {
    at: '2017-09-01T10:00',
    type: 'pregnancy.booked',
    person: 'mum',
    unborn: 'unborn',
    gestationWeeks: 12,
    due: '2018-03-09',
    agency: 'midwifery',
  },
  { at: '2017-09-01T10:05', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'midwifery' },
  { at: '2017-09-01T10:06', type: 'relationship.recorded', person: 'dad', of: 'unborn', kind: 'father', agency: 'midwifery', id: 'rel' },
];
const concern = (at: string, agency: string, kind: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'concern.recorded',
  person: 'dad',
  kind,
  agency,
  ...extra,
});
const shared = (at: string, to: string, person = 'dad', agency = 'probation'): EventInput => ({
  at,
  type: 'information.shared',
  person,
  agency,
  to,
  content: ['substance-misuse'],
});

test('a probation concern about the father of an unborn baby, shared with nobody: raised at the end of day 7, for probation, citing the record', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...pregnancy,
      concern('2017-10-10T14:00', 'probation', 'substance-misuse', { id: 'c1', detail: 'Drug rehabilitation order; poor compliance' }),
    )
    .runUntil('2017-11-01');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'unborn');
  assert.equal(f.raisedAt, t('2017-10-17T23:59:59.999'));
  assert.equal(f.owner, 'probation');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['c1']);
  assert.match(
    f.explanation,
    /^Probation holds a concern about the father of an unborn baby \(due 9 Mar 2018\): substance misuse \("Drug rehabilitation order; poor compliance"\), recorded by probation on 10 Oct 2017\./,
  );
  assert.match(f.explanation, /By 17 Oct 2017 nothing about him or the child had been shared with health visiting, midwifery or the GP/);
  assert.equal(f.deadline, t('2017-10-18T23:59:59.999'));
});

test('stays quiet when the adult service shares with the health visitor, midwife or GP within 7 days, about the adult or the child', () => {
  for (const share of [
    shared('2017-10-17T23:00', 'health-visiting'),
    shared('2017-10-12', 'gp'),
    shared('2017-10-12', 'midwifery', 'unborn'),
  ]) {
    const h = new ProtocolHarness(only)
      .add(...pregnancy, concern('2017-10-10T14:00', 'probation', 'substance-misuse'), share)
      .runUntil('2017-11-01');
    assert.equal(h.raised(CODE).length, 0, JSON.stringify(share));
  }
});

test("sharing only with children's social care, or too late, does not count", () => {
  const css = new ProtocolHarness(only)
    .add(...pregnancy, concern('2017-10-10T14:00', 'probation', 'substance-misuse'), shared('2017-10-11', 'children-social-care'))
    .runUntil('2017-11-01');
  assert.equal(css.raised(CODE).length, 1);
  const late = new ProtocolHarness(only)
    .add(...pregnancy, concern('2017-10-10T14:00', 'probation', 'substance-misuse'), shared('2017-10-18T08:00', 'health-visiting'))
    .runUntil('2017-11-01');
  assert.equal(late.raised(CODE).length, 1);
});

test('police count for domestic abuse only; other agencies are not adult services', () => {
  const da = new ProtocolHarness(only)
    .add(...pregnancy, concern('2017-10-10', 'police', 'domestic-abuse', { severity: 'high' }))
    .runUntil('2017-11-01');
  assert.deepEqual(
    da.raised(CODE).map((f) => [f.owner, f.severity]),
    [['police', 'high']],
  );
  const other = new ProtocolHarness(only)
    .add(...pregnancy, concern('2017-10-10', 'police', 'criminal-history'), concern('2017-10-10', 'gp', 'mental-health'))
    .runUntil('2017-11-01');
  assert.equal(other.raised(CODE).length, 0);
});

test('a grandparent in the household counts as a carer; a child of 5 or over does not', () => {
  const family = [
    ...newborn({ born: '2018-03-05' }),
    { at: '2018-03-06', type: 'person.recorded', person: 'gf', role: 'adult', sex: 'male', agency: 'health-visiting' },
    { at: '2018-03-06', type: 'relationship.recorded', person: 'gf', of: 'baby', kind: 'grandparent', agency: 'health-visiting' },
  ];
  const h = new ProtocolHarness(only)
    .add(...family, { at: '2018-03-09', type: 'concern.recorded', person: 'gf', kind: 'psychosis', agency: 'adult-mental-health' })
    .runUntil('2018-04-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.match(f.explanation, /about the grandparent of a child 11 days old: psychosis/);
  const older = new ProtocolHarness(only)
    .add(...newborn({ born: '2013-03-09' }), {
      at: '2018-03-09',
      type: 'concern.recorded',
      person: 'mum',
      kind: 'psychosis',
      agency: 'adult-mental-health',
    })
    .runUntil('2018-04-01');
  assert.equal(older.raised(CODE).length, 0);
  const younger = new ProtocolHarness(only)
    .add(...newborn({ born: '2013-03-10' }), {
      at: '2018-03-09',
      type: 'concern.recorded',
      person: 'mum',
      kind: 'psychosis',
      agency: 'adult-mental-health',
    })
    .runUntil('2018-04-01');
  assert.equal(younger.raised(CODE).length, 1);
});

test('an adult already known to probation and later linked to an unborn baby: raised 7 days after the link, citing the concerns and the link', () => {
  const h = new ProtocolHarness(only)
    .add(
      { at: '2017-06-01', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
      concern('2017-07-05', 'probation', 'criminal-history', { id: 'c1' }),
      concern('2017-07-05', 'probation', 'substance-misuse', { id: 'c2' }),
      ...pregnancy.filter((e) => e.person !== 'dad' && e.type !== 'relationship.recorded'),
      {
        at: '2017-10-02T09:00',
        type: 'relationship.recorded',
        person: 'dad',
        of: 'unborn',
        kind: 'father',
        agency: 'midwifery',
        id: 'rel',
      },
    )
    .runUntil('2017-11-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2017-10-09T23:59:59.999'));
  assert.deepEqual(f.evidence, ['c1', 'c2', 'rel']);
  assert.match(f.explanation, /criminal history, recorded by probation on 5 Jul 2017; substance misuse/);
  assert.match(f.explanation, /The father was linked to the child by midwifery on 2 Oct 2017/);
});

test('a concern older than the look-back does not make a later link a finding', () => {
  const h = new ProtocolHarness(only)
    .add(
      { at: '2015-06-01', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
      concern('2015-07-05', 'probation', 'criminal-history'),
      ...pregnancy.filter((e) => e.person !== 'dad' && e.type !== 'relationship.recorded'),
      { at: '2017-10-02T09:00', type: 'relationship.recorded', person: 'dad', of: 'unborn', kind: 'father', agency: 'midwifery' },
    )
    .runUntil('2017-11-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('idempotent: repeated concerns by the same service raise one open finding per child; each child has its own', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...pregnancy,
      { at: '2017-09-02', type: 'person.recorded', person: 'toddler', role: 'child', born: '2016-01-01', agency: 'health-visiting' },
      { at: '2017-09-02', type: 'relationship.recorded', person: 'dad', of: 'toddler', kind: 'father', agency: 'health-visiting' },
      concern('2017-10-10', 'probation', 'substance-misuse'),
      concern('2017-10-12', 'probation', 'substance-misuse'),
      concern('2017-10-20', 'probation', 'criminal-history'),
    )
    .runUntil('2017-12-01');
  assert.deepEqual(
    h
      .raised(CODE)
      .map((f) => f.subject)
      .sort(),
    ['toddler', 'unborn'],
  );
});

test('the window and the services to share with are configurable per partnership', () => {
  const facts = [...pregnancy, concern('2017-10-10T14:00', 'probation', 'substance-misuse'), shared('2017-10-14', 'gp')];
  assert.equal(
    new ProtocolHarness(only)
      .add(...facts)
      .runUntil('2017-11-01')
      .raised(CODE).length,
    0,
  );
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { shareWith: ['health-visiting', 'midwifery'] } })
      .add(...facts)
      .runUntil('2017-11-01')
      .raised(CODE).length,
    1,
  );
  const short = new ProtocolHarness(only, { [CODE]: { shareWithinDays: 3 } })
    .add(...facts)
    .runUntil('2017-11-01')
    .raised(CODE);
  assert.equal(short[0]?.raisedAt, t('2017-10-13T23:59:59.999'));
});

test('a letter to a GP counts only when the child has a GP of their own (CSPR 002)', () => {
  const family = [
    ...newborn({ born: '2018-01-10T06:00' }),
    { at: '2018-01-15T11:00', type: 'person.recorded', person: 'gf', role: 'adult', sex: 'male', agency: 'adult-mental-health' },
    { at: '2018-01-15T11:01', type: 'concern.recorded', person: 'gf', kind: 'psychosis', agency: 'adult-mental-health', id: 'c' },
    { at: '2018-01-15T11:05', type: 'relationship.recorded', person: 'gf', of: 'baby', kind: 'grandparent', agency: 'adult-mental-health' },
  ];
  const letter = {
    at: '2018-01-17T09:00',
    type: 'information.shared',
    person: 'gf',
    agency: 'adult-mental-health',
    to: 'gp',
    content: ['discharge letter'],
    id: 'letter',
  };
  const unregistered = new ProtocolHarness(only).add(...family, letter).runUntil('2018-02-01');
  const [f] = unregistered.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2018-01-22T23:59:59.999'));
  assert.match(
    f.explanation,
    /A letter to a GP \(adult mental health on 17 Jan 2018\) does not count: the child is not registered with a GP/,
  );
  assert.ok(f.evidence.includes('letter'));
  const registered = new ProtocolHarness(only)
    .add(...family, { at: '2018-01-16', type: 'gp.registered', person: 'baby', agency: 'gp' }, letter)
    .runUntil('2018-02-01');
  assert.equal(registered.raised(CODE).length, 0);
});

test('a new concern from the same service months after an open finding is a new episode', () => {
  const h = new ProtocolHarness(only)
    .add(...pregnancy, concern('2017-10-10', 'probation', 'substance-misuse'), concern('2017-11-20', 'probation', 'substance-misuse'))
    .runUntil('2017-12-30');
  assert.equal(h.raised(CODE).length, 1, 'within 90 days: the same episode');
  h.add(concern('2018-02-20', 'probation', 'criminal-history')).runUntil('2018-03-30');
  assert.equal(h.raised(CODE).length, 2);
});

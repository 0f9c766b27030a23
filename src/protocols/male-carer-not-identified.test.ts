import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { maleCarerNotIdentified } from './male-carer-not-identified.ts';

// Contract: "an infant has no father or male carer recorded by the new birth visit, or a male
// household member is recorded with no checks on his history".
const only = [maleCarerNotIdentified];
const CODE = 'male-carer-not-identified';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-02-15T04:20' });

const man = (id: string, at: string, sex = 'male'): EventInput => ({ at, type: 'person.recorded', person: id, role: 'adult', sex, agency: 'midwifery' });
const rel = (person: string, of: string, kind: string, at: string, extra: Partial<EventInput> = {}): EventInput =>
  ({ at, type: 'relationship.recorded', person, of, kind, agency: 'midwifery', ...extra });
const pregnancy: EventInput[] = [
  { at: '2022-04-21', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
  { at: '2022-04-21T10:00', type: 'pregnancy.booked', person: 'mum', unborn: 'unborn', gestationWeeks: 10, due: '2022-11-17', agency: 'midwifery' },
  man('dad', '2022-04-21T10:30'),
  rel('dad', 'unborn', 'father', '2022-04-21T10:31', { id: 'rel' }),
];

test('no father or male carer recorded by day 14: raised at the end of day 14, for health visiting, citing the birth', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-04-01');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f!.subject, 'baby');
  assert.equal(f!.dedupeKey, 'identify');
  assert.equal(f!.raisedAt, t('2023-03-01T23:59:59.999'));
  assert.equal(f!.owner, 'health-visiting');
  assert.deepEqual(f!.evidence, ['test#1']);
  assert.match(f!.explanation, /No father or male carer has been identified by the services working with a baby 2 weeks old \(born 15 Feb 2023, recorded by midwifery on 15 Feb 2023\) by day 14/);
  assert.match(f!.explanation, /Recorded so far: mother \(midwifery on 15 Feb 2023\)/);
});

test('a father, male carer or male partner recorded by day 14 is enough; a female partner or a male household member is not', () => {
  for (const [kind, sex] of [['father', 'male'], ['male-carer', 'unknown'], ['partner-of-parent', 'male']] as const) {
    const h = new ProtocolHarness(only).add(...family, man('him', '2023-02-28', sex), rel('him', 'baby', kind, '2023-03-01T23:00', { agency: 'health-visiting' })).runUntil('2023-03-05');
    assert.equal(h.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 0, kind);
  }
  for (const [kind, sex] of [['partner-of-parent', 'female'], ['household-member', 'male']] as const) {
    const h = new ProtocolHarness(only).add(...family, man('them', '2023-02-20', sex), rel('them', 'baby', kind, '2023-02-20', { agency: 'health-visiting' })).runUntil('2023-03-05');
    assert.equal(h.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 1, kind);
  }
  const late = new ProtocolHarness(only).add(...family, man('dad', '2023-03-02'), rel('dad', 'baby', 'father', '2023-03-02')).runUntil('2023-03-05');
  assert.equal(late.raised(CODE).filter((f) => f.dedupeKey === 'identify').length, 1, 'recorded on day 15 is late');
});

test('a father recorded at booking with no checks on his history in 14 days: raised for the unborn baby, owned by the agency that recorded him', () => {
  const h = new ProtocolHarness(only).add(...pregnancy).runUntil('2022-06-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.subject, 'unborn');
  assert.equal(f.dedupeKey, 'checks:dad');
  assert.equal(f.raisedAt, t('2022-05-05T23:59:59.999'));
  assert.equal(f.owner, 'midwifery');
  assert.deepEqual(f.evidence, ['rel']);
  assert.match(f.explanation, /A man is recorded in the household of an unborn baby: the father, recorded by midwifery on 21 Apr 2022\. 14 days later nothing shows his history has been checked/);
});

test('seen at a contact, a police or probation record, or information shared about him, within 14 days, keeps it quiet', () => {
  const checks: EventInput[] = [
    { at: '2022-05-05T20:00', type: 'contact', person: 'mum', kind: 'antenatal-contact', agency: 'midwifery', seen: ['mum', 'dad'] },
    { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'criminal-history', agency: 'police' },
    { at: '2019-01-01', type: 'concern.recorded', person: 'dad', kind: 'previous-child-removed', agency: 'children-social-care' },
    { at: '2022-05-01', type: 'contact', person: 'dad', kind: 'supervision-session', agency: 'probation' },
    { at: '2022-05-01', type: 'information.shared', person: 'dad', agency: 'police', to: 'midwifery', content: ['no trace'] },
  ];
  for (const check of checks) {
    const h = new ProtocolHarness(only).add(...pregnancy, check).runUntil('2022-06-01');
    assert.equal(h.raised(CODE).length, 0, JSON.stringify(check));
  }
  const gpOnly = new ProtocolHarness(only).add(...pregnancy, { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'anxiety', agency: 'gp' }).runUntil('2022-06-01');
  assert.equal(gpOnly.raised(CODE).length, 1, 'a GP note is not a check on his history');
  const seenLongBefore = new ProtocolHarness(only).add(pregnancy[0]!, man('dad', '2021-01-01'),
    { at: '2021-01-05', type: 'contact', person: 'mum', kind: 'gp-consultation', agency: 'gp', seen: ['mum', 'dad'] }, pregnancy[1]!, pregnancy[3]!).runUntil('2022-06-01');
  assert.equal(seenLongBefore.raised(CODE).length, 1, 'seen with the mother at the GP a year before is not engaging him as a carer');
  const seenLate = new ProtocolHarness(only).add(...pregnancy,
    { at: '2022-05-06T09:00', type: 'contact', person: 'mum', kind: 'clinic', agency: 'midwifery', seen: ['mum', 'dad'] }).runUntil('2022-06-01');
  assert.equal(seenLate.raised(CODE).length, 1, 'seen on day 15 is late');
});

test('a male grandparent in the household needs checks; a woman does not; nor does a man around a child over 1', () => {
  const gf = new ProtocolHarness(only).add(...family, man('gf', '2023-02-20'), rel('gf', 'baby', 'grandparent', '2023-02-20', { agency: 'health-visiting' })).runUntil('2023-03-20');
  assert.deepEqual(gf.raised(CODE).map((f) => [f.dedupeKey, f.owner]).sort(), [['checks:gf', 'health-visiting'], ['identify', 'health-visiting']]);
  const gm = new ProtocolHarness(only).add(...family, man('gm', '2023-02-20', 'female'), rel('gm', 'baby', 'grandparent', '2023-02-20')).runUntil('2023-03-20');
  assert.equal(gm.raised(CODE).filter((f) => f.dedupeKey.startsWith('checks:')).length, 0);
  const older = new ProtocolHarness(only).add(...newborn({ born: '2021-01-01' }), man('dad', '2022-06-01'), rel('dad', 'baby', 'father', '2022-06-01')).runUntil('2022-08-01');
  assert.equal(older.raised(CODE).filter((f) => f.dedupeKey.startsWith('checks:')).length, 0);
});

test('idempotent: the same man recorded again for the same baby, before and after birth, is one finding', () => {
  const h = new ProtocolHarness(only).add(...pregnancy, rel('dad', 'unborn', 'male-carer', '2022-04-25')).runUntil('2022-11-17');
  h.add({ at: '2022-11-17T06:15', type: 'birth', child: 'unborn', mother: 'mum', gestationWeeks: 40, birthWeightKg: 3.5, sex: 'female', agency: 'midwifery' },
    rel('dad', 'unborn', 'father', '2022-11-20')).runUntil('2023-01-01');
  assert.deepEqual(h.raised(CODE).map((f) => f.dedupeKey), ['checks:dad']);
});

test('deadlines and the agencies that count as checks are configurable per partnership', () => {
  const lateFather = [...family, man('dad', '2023-03-05'), rel('dad', 'baby', 'father', '2023-03-05')];
  assert.equal(new ProtocolHarness(only, { [CODE]: { identifyByDays: 21 } }).add(...lateFather).runUntil('2023-03-06').raised(CODE).length, 0);
  const amh = [...pregnancy, { at: '2022-05-01', type: 'concern.recorded', person: 'dad', kind: 'psychosis', agency: 'adult-mental-health' }];
  assert.equal(new ProtocolHarness(only).add(...amh).runUntil('2022-06-01').raised(CODE).length, 1);
  assert.equal(new ProtocolHarness(only, { [CODE]: { checkAgencies: ['police', 'probation', 'adult-mental-health'] } }).add(...amh).runUntil('2022-06-01').raised(CODE).length, 0);
  assert.equal(new ProtocolHarness(only, { [CODE]: { checkWithinDays: 7 } }).add(...pregnancy).runUntil('2022-06-01').raised(CODE)[0]?.raisedAt, t('2022-04-28T23:59:59.999'));
});

test('a father recorded only by an adult service is not identified by those working with the baby (CSPR 002)', () => {
  const h = new ProtocolHarness(only).add(pregnancy[0]!, pregnancy[1]!,
    { at: '2017-06-01', type: 'person.recorded', person: 'dad', role: 'adult', sex: 'male', agency: 'probation' },
    { at: '2017-07-17', type: 'concern.recorded', person: 'dad', kind: 'substance-misuse', agency: 'probation' },
    { at: '2022-05-01T10:00', type: 'relationship.recorded', person: 'dad', of: 'unborn', kind: 'father', agency: 'probation', id: 'rel' },
    { at: '2022-11-17T06:15', type: 'birth', child: 'unborn', mother: 'mum', gestationWeeks: 40, birthWeightKg: 3.5, sex: 'female', agency: 'midwifery' }).runUntil('2023-01-01');
  const found = h.raised(CODE);
  assert.deepEqual(found.map((f) => f.dedupeKey), ['identify'], 'his probation record is his history, checked; but no one working with the baby has identified him');
  assert.equal(found[0]!.raisedAt, t('2022-12-01T23:59:59.999'));
  assert.match(found[0]!.explanation, /The father is recorded only by probation on 1 May 2022, not by anyone working with the baby/);
  assert.ok(found[0]!.evidence.includes('rel'));
});

test('an unchecked man linked by an adult service is followed up by the midwife or health visitor', () => {
  const h = new ProtocolHarness(only).add(pregnancy[0]!, pregnancy[1]!, man('dad', '2022-05-01'),
    rel('dad', 'unborn', 'father', '2022-05-01T10:00', { agency: 'adult-mental-health' })).runUntil('2022-06-01');
  assert.deepEqual(h.raised(CODE).map((f) => f.owner), ['midwifery']);
});

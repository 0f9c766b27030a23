import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { mandatedContactMissing } from './mandated-contact-missing.ts';

// Contract: "a Healthy Child Programme contact has not happened by its deadline (antenatal by
// 32 weeks' gestation, new birth visit by day 14, 6–8 week review by 8 weeks)".
const only = [mandatedContactMissing];
const CODE = 'mandated-contact-missing';
const t = (iso: string) => parseLocal(iso, ZONE)!;

const family = newborn({ born: '2023-01-09T10:00' }).map((e) => (e.type === 'birth' ? { ...e, id: 'birth' } : e));
const contact = (at: string, kind: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'baby',
  agency: 'health-visiting',
  kind,
  ...extra,
});
const ofKind = (h: ProtocolHarness, kind: string) => h.raised(CODE).filter((f) => f.dedupeKey === kind);

// A pregnancy due on 1 July 2023: 32 weeks' gestation is 6 May 2023.
const mother: EventInput = { at: '2023-01-16', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' };
const booked = (at: string, gestationWeeks: number, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'pregnancy.booked',
  person: 'mum',
  unborn: 'bump',
  gestationWeeks,
  due: '2023-07-01',
  agency: 'midwifery',
  ...extra,
});

test('no new birth visit by day 14 raises the finding at the end of day 14, about the child, for health visiting', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-01-26');
  const found = ofKind(h, 'new-birth-visit');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-01-23T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['birth']);
  assert.match(f.explanation, /No new birth visit has been recorded for the child by its deadline \(day 14: 23 Jan 2023\)/);
});

test('nothing is raised before the new birth visit deadline', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-01-23T23:59');
  assert.equal(h.raised(CODE).length, 0);
});

test('a new birth visit on day 14 is in time', () => {
  const h = new ProtocolHarness(only).add(...family, contact('2023-01-23T18:00', 'new-birth-visit')).runUntil('2023-01-26');
  assert.equal(ofKind(h, 'new-birth-visit').length, 0);
});

test('a new birth visit on day 15 is late: the finding was raised at the end of day 14', () => {
  const h = new ProtocolHarness(only).add(...family, contact('2023-01-24T10:00', 'new-birth-visit')).runUntil('2023-01-26');
  assert.equal(ofKind(h, 'new-birth-visit')[0]?.raisedAt, t('2023-01-23T23:59:59.999'));
});

test('a new birth visit recorded against the mother counts for the baby', () => {
  const h = new ProtocolHarness(only)
    .add(...family, contact('2023-01-20T10:00', 'new-birth-visit', { person: 'mum' }))
    .runUntil('2023-01-26');
  assert.equal(ofKind(h, 'new-birth-visit').length, 0);
});

test('a no-access visit, a booked appointment or another kind of contact is not the new birth visit', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      { at: '2023-01-18T10:00', type: 'visit.no-access', person: 'baby', agency: 'health-visiting' },
      {
        at: '2023-01-18T11:00',
        type: 'appointment.booked',
        person: 'baby',
        agency: 'health-visiting',
        kind: 'new-birth-visit',
        due: '2023-01-22',
      },
      contact('2023-01-19T10:00', 'phone-call'),
      contact('2023-01-20T10:00', 'home-visit', { agency: 'midwifery' }),
    )
    .runUntil('2023-01-26');
  assert.equal(ofKind(h, 'new-birth-visit').length, 1);
});

test('no 6–8 week review by 8 weeks raises the finding at the end of day 56; one on day 56 is in time', () => {
  const missing = new ProtocolHarness(only).add(...family, contact('2023-01-20T10:00', 'new-birth-visit')).runUntil('2023-03-10');
  const found = missing.raised(CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].dedupeKey, 'six-to-eight-week-review');
  assert.equal(found[0].raisedAt, t('2023-03-06T23:59:59.999'));
  assert.match(found[0].explanation, /6–8 week review.*8 weeks of age: 6 Mar 2023/);
  const inTime = new ProtocolHarness(only)
    .add(...family, contact('2023-01-20T10:00', 'new-birth-visit'), contact('2023-03-06T16:00', 'six-to-eight-week-review'))
    .runUntil('2023-03-10');
  assert.equal(inTime.raised(CODE).length, 0);
});

test('no antenatal contact by 32 weeks raises the finding about the unborn baby at the end of that day', () => {
  const h = new ProtocolHarness(only).add(mother, booked('2023-01-23', 12, { id: 'booking' })).runUntil('2023-05-10');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.dedupeKey, 'antenatal-contact');
  assert.equal(f.subject, 'bump');
  assert.equal(f.raisedAt, t('2023-05-06T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['booking']);
  assert.match(f.explanation, /No antenatal health visiting contact has been recorded for the unborn baby.*6 May 2023/);
});

test('an antenatal contact with the mother on the day she reaches 32 weeks is in time', () => {
  const h = new ProtocolHarness(only)
    .add(mother, booked('2023-01-23', 12), contact('2023-05-06T12:00', 'antenatal-contact', { person: 'mum' }))
    .runUntil('2023-05-10');
  assert.equal(h.raised(CODE).length, 0);
});

test('no antenatal finding when the baby is born before the deadline', () => {
  const h = new ProtocolHarness(only)
    .add(mother, booked('2023-01-23', 12), {
      at: '2023-04-20T03:00',
      type: 'birth',
      child: 'bump',
      mother: 'mum',
      gestationWeeks: 30,
      birthWeightKg: 1.4,
      sex: 'male',
      agency: 'hospital',
    })
    .runUntil('2023-05-01');
  assert.equal(ofKind(h, 'antenatal-contact').length, 0);
});

test('a booking after 32 weeks: the contract deadline has already passed, so the finding is raised on the booking day', () => {
  const h = new ProtocolHarness(only).add(mother, booked('2023-05-20T10:00', 34)).runUntil('2023-05-21');
  assert.equal(ofKind(h, 'antenatal-contact').length, 1);
});

test('the grace after a late booking follows the partnership configuration', () => {
  const noGrace = new ProtocolHarness(only, { [CODE]: { antenatalAfterLateBookingDays: 0 } })
    .add(mother, booked('2023-05-20T10:00', 34))
    .runUntil('2023-05-22');
  assert.equal(ofKind(noGrace, 'antenatal-contact')[0]?.raisedAt, t('2023-05-20T23:59:59.999'));
  const grace = new ProtocolHarness(only, { [CODE]: { antenatalAfterLateBookingDays: 7 } })
    .add(mother, booked('2023-05-20T10:00', 34))
    .runUntil('2023-06-01');
  assert.equal(ofKind(grace, 'antenatal-contact')[0]?.raisedAt, t('2023-05-27T23:59:59.999'));
});

test('each missing contact is raised once: re-booking and running on do not repeat it', () => {
  const h = new ProtocolHarness(only)
    .add(mother, booked('2023-01-23', 12), booked('2023-02-01', 13))
    .runUntil('2023-05-10')
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 1);
  const child = new ProtocolHarness(only)
    .add(...family)
    .runUntil('2023-01-26')
    .runUntil('2023-03-10')
    .runUntil('2023-03-20');
  assert.deepEqual(
    child.raised(CODE).map((f) => f.dedupeKey),
    ['new-birth-visit', 'six-to-eight-week-review'],
  );
});

test('the deadlines follow the partnership configuration', () => {
  const config = { [CODE]: { newBirthVisitByDays: 21, sixToEightWeekReviewByDays: 63, antenatalByGestationWeeks: 28 } };
  const child = new ProtocolHarness(only, config).add(...family).runUntil('2023-01-29');
  assert.equal(child.raised(CODE).length, 0);
  child.runUntil('2023-03-20');
  assert.deepEqual(
    child.raised(CODE).map((f) => [f.dedupeKey, f.raisedAt]),
    [
      ['new-birth-visit', t('2023-01-30T23:59:59.999')],
      ['six-to-eight-week-review', t('2023-03-13T23:59:59.999')],
    ],
  );
  const visitedOnDay18 = new ProtocolHarness(only, config)
    .add(...family, contact('2023-01-27T10:00', 'new-birth-visit'))
    .runUntil('2023-02-10');
  assert.equal(visitedOnDay18.raised(CODE).length, 0);
  // 28 weeks' gestation for a baby due 1 July is 8 April.
  const antenatal = new ProtocolHarness(only, config).add(mother, booked('2023-01-23', 12)).runUntil('2023-05-10');
  assert.equal(ofKind(antenatal, 'antenatal-contact')[0]?.raisedAt, t('2023-04-08T23:59:59.999'));
});

test('the 1-year review is followed to 15 months by default and can be switched off', () => {
  const done = [contact('2023-01-20T10:00', 'new-birth-visit'), contact('2023-03-01T10:00', 'six-to-eight-week-review')];
  const h = new ProtocolHarness(only).add(...family, ...done).runUntil('2024-05-01');
  assert.deepEqual(
    h.raised(CODE).map((f) => [f.dedupeKey, f.raisedAt]),
    [['one-year-review', t('2024-04-09T23:59:59.999')]],
  );
  const off = new ProtocolHarness(only, { [CODE]: { oneYearReviewByMonths: null } }).add(...family, ...done).runUntil('2024-05-01');
  assert.equal(off.raised(CODE).length, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { strategyDiscussionOverdue } from './strategy-discussion-overdue.ts';

// Contract: "a referral for suspected physical abuse of a child under 1 is not followed by a
// strategy discussion within the deadline (default 24 hours)".
const only = [strategyDiscussionOverdue];
const CODE = 'strategy-discussion-overdue';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const referral = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'referral.made',
  person: 'baby',
  agency: 'gp',
  to: 'children-social-care',
  reason: 'bruising to the cheek of an 8-week-old',
  ...extra,
});
const strategy = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'strategy.discussion',
  person: 'baby',
  agency: 'children-social-care',
  attendees: ['children-social-care', 'police', 'hospital'],
  paediatricianInput: true,
  ...extra,
});
const bruise = (at: string): EventInput => ({ at, type: 'injury.observed', person: 'baby', kind: 'bruise', agency: 'gp' });

test("a referral for bruising with no strategy discussion raises the finding 24 hours later, for children's social care, citing the referral", () => {
  const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00', { id: 'ref-1' })).runUntil('2023-03-09');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-03-07T11:00'));
  assert.equal(f.owner, 'children-social-care');
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.evidence, ['ref-1']);
  assert.match(f.explanation, /referral for suspected physical abuse.*made by the GP on 6 Mar 2023/);
  assert.match(f.explanation, /within 24 hours/);
});

test('stays quiet when the strategy discussion is held just inside 24 hours', () => {
  const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00'), strategy('2023-03-07T10:59')).runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test('a strategy discussion at exactly 24 hours is within 24 hours', () => {
  const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00'), strategy('2023-03-07T11:00')).runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test('a strategy discussion after the deadline does not undo the finding already raised', () => {
  const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00'), strategy('2023-03-07T15:00')).runUntil('2023-03-09');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-07T11:00'));
});

test('a strategy discussion held before the referral does not follow it', () => {
  const h = new ProtocolHarness(only).add(...family, strategy('2023-03-05T11:00'), referral('2023-03-06T11:00')).runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 1);
});

test('suspected physical abuse is read from an injury recorded shortly before a referral whose reason does not say so', () => {
  const h = new ProtocolHarness(only)
    .add(...family, bruise('2023-03-01T10:00'), referral('2023-03-06T11:00', { reason: 'see GP letter' }))
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 1);
});

test('an injury 13 days before counts; one 15 days before does not (default 14-day look-back)', () => {
  const near = new ProtocolHarness(only)
    .add(...family, bruise('2023-02-21T12:00'), referral('2023-03-06T11:00', { reason: 'see GP letter' }))
    .runUntil('2023-03-09');
  assert.equal(near.raised(CODE).length, 1);
  const far = new ProtocolHarness(only)
    .add(...family, bruise('2023-02-19T10:00'), referral('2023-03-06T11:00', { reason: 'see GP letter' }))
    .runUntil('2023-03-09');
  assert.equal(far.raised(CODE).length, 0);
});

test('stays quiet for a referral that is not about physical abuse (neglect)', () => {
  const h = new ProtocolHarness(only)
    .add(...family, referral('2023-03-06T11:00', { reason: 'neglect: poor home conditions and hygiene' }))
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test("stays quiet for a referral about a parent's physical disability", () => {
  const h = new ProtocolHarness(only)
    .add(...family, referral('2023-03-06T11:00', { reason: "mother's physical disability; needs support to care for the baby" }))
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet for a referral to another service', () => {
  const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00', { to: 'paediatrics' })).runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test('fires for a child of 11 months; stays quiet from the first birthday', () => {
  const young = new ProtocolHarness(only).add(...newborn({ born: '2022-03-06' }), referral('2023-03-05T11:00')).runUntil('2023-03-09');
  assert.equal(young.raised(CODE).length, 1);
  const one = new ProtocolHarness(only).add(...newborn({ born: '2022-03-06' }), referral('2023-03-06T00:00')).runUntil('2023-03-09');
  assert.equal(one.raised(CODE).length, 0);
});

test('the same referral submitted twice raises once', () => {
  const h = new ProtocolHarness(only)
    .add(...family, referral('2023-03-06T11:00', { id: 'r' }), referral('2023-03-06T11:00', { id: 'r' }))
    .runUntil('2023-03-09')
    .runUntil('2023-03-12');
  assert.equal(h.raised(CODE).length, 1);
});

test('two referrals about the same injury, neither followed by a strategy discussion, are one condition', () => {
  const h = new ProtocolHarness(only)
    .add(...family, referral('2023-03-06T11:00'), referral('2023-03-06T15:00', { agency: 'emergency-department' }))
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 1);
});

test('the deadline, the age limit and the look-back follow the partnership configuration', () => {
  const config = { [CODE]: { deadlineHours: 4, childUnderMonths: 24, injuryLookbackDays: 30 } };
  // 18 months old: outside the default age limit, inside 24 months.
  const toddler = newborn({ born: '2021-09-06' });
  const h = new ProtocolHarness(only, config)
    .add(...toddler, bruise('2023-02-10T10:00'), referral('2023-03-06T11:00', { reason: 'see GP letter' }))
    .runUntil('2023-03-09');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T15:00'));
  assert.equal(f.deadline, t('2023-03-06T15:00') + 4 * HOUR_MS);
  assert.match(f.explanation, /within 4 hours/);
  const met = new ProtocolHarness(only, config)
    .add(...toddler, referral('2023-03-06T11:00'), strategy('2023-03-06T14:59'))
    .runUntil('2023-03-09');
  assert.equal(met.raised(CODE).length, 0);
  const byDefault = new ProtocolHarness(only)
    .add(...toddler, bruise('2023-02-10T10:00'), referral('2023-03-06T11:00', { reason: 'see GP letter' }))
    .runUntil('2023-03-09');
  assert.equal(byDefault.raised(CODE).length, 0);
});

// Version 2: the urgent deadline after an injury to, or serious illness of, a non-mobile baby,
// and the structured category before free text.

test('after an injury to a non-mobile baby the deadline is urgent: 8 hours, and the explanation says why', () => {
  const h = new ProtocolHarness(only)
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00', { id: 'ref-1' }))
    .runUntil('2023-03-09');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T19:00'));
  assert.match(f.explanation, /after an injury to a non-mobile baby \(the GP on 6 Mar 2023\)/);
  assert.match(f.explanation, /within 8 hours \(urgent/);
  const held = new ProtocolHarness(only)
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00'), strategy('2023-03-06T18:30'))
    .runUntil('2023-03-09');
  assert.equal(held.raised(CODE).length, 0);
});

test('after a serious unexpected illness of a non-mobile baby the deadline is urgent', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      {
        at: '2023-03-06T08:00',
        type: 'illness.presented',
        person: 'baby',
        severity: 'serious-unexpected',
        description: 'floppy episode',
        agency: 'ambulance',
      },
      referral('2023-03-06T11:00', { reason: 'unexplained collapse', category: 'physical-abuse' }),
    )
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE)[0]?.raisedAt, t('2023-03-06T19:00'));
});

test('a referral categorised as physical abuse with an injury to a mobile 9-month-old is urgent; without an injury it has 24 hours', () => {
  const crawler = newborn({ born: '2022-06-01T10:00' });
  const injured = new ProtocolHarness(only)
    .add(...crawler, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00', { reason: 'see letter', category: 'physical-abuse' }))
    .runUntil('2023-03-09');
  assert.equal(injured.raised(CODE)[0]?.raisedAt, t('2023-03-06T19:00'));
  const told = new ProtocolHarness(only)
    .add(...crawler, referral('2023-03-06T11:00', { reason: 'see letter', category: 'physical-abuse' }))
    .runUntil('2023-03-09');
  assert.equal(told.raised(CODE)[0]?.raisedAt, t('2023-03-07T11:00'));
});

test('the category decides before the words: a neglect referral that mentions bruising is not read as physical abuse', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      referral('2023-03-06T11:00', { reason: 'no bruising but a dirty home; also bruised knee last year', category: 'neglect' }),
    )
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE).length, 0);
});

test('without a category, the widened words are read and false matches are not', () => {
  const shaken = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00', { reason: 'baby shaken' })).runUntil('2023-03-09');
  assert.equal(shaken.raised(CODE).length, 1);
  for (const reason of ['Referral re: Mark Smith', 'no marks seen, mother struggling']) {
    const h = new ProtocolHarness(only).add(...family, referral('2023-03-06T11:00', { reason })).runUntil('2023-03-09');
    assert.equal(h.raised(CODE).length, 0, reason);
  }
});

test('the urgent deadline and the age of non-mobility come from the partnership configuration', () => {
  const h = new ProtocolHarness(only, { [CODE]: { urgentDeadlineHours: 4, nonMobileUnderMonths: 3 } })
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00'))
    .runUntil('2023-03-09');
  assert.equal(h.raised(CODE)[0]?.raisedAt, t('2023-03-06T15:00'));
  const older = new ProtocolHarness(only, { [CODE]: { nonMobileUnderMonths: 1 } })
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00'))
    .runUntil('2023-03-09');
  assert.equal(older.raised(CODE)[0]?.raisedAt, t('2023-03-07T11:00'));
});

test('an injury to a non-mobile baby on a plan needs no referral: the strategy discussion is due within the urgent 8 hours', async () => {
  const { injuryInNonMobileInfant } = await import('./injury-in-non-mobile-infant.ts');
  const h = new ProtocolHarness([injuryInNonMobileInfant, strategyDiscussionOverdue])
    .add(...family, {
      at: '2023-02-01T10:00',
      type: 'plan.started',
      person: 'baby',
      kind: 'child-protection',
      agency: 'children-social-care',
    })
    .add(bruise('2023-03-06T09:00'))
    .runUntil('2023-03-09');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-03-06T17:00'));
  assert.match(f.explanation, /whose case children's social care holds/);
});

test('a discussion held late ends the episode: a new injury afterwards is judged on its own, while one before it is not repeated', () => {
  const h = new ProtocolHarness(only)
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00'))
    .runUntil('2023-03-07T09:00')
    .add(strategy('2023-03-07T09:00'), bruise('2023-03-13T09:00'), referral('2023-03-13T10:00'))
    .runUntil('2023-03-20');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.raisedAt),
    [t('2023-03-06T19:00'), t('2023-03-13T18:00')],
  );
  const repeated = new ProtocolHarness(only)
    .add(...family, bruise('2023-03-06T09:00'), referral('2023-03-06T11:00'))
    .runUntil('2023-03-08T09:00')
    .add(bruise('2023-03-08T09:00'), referral('2023-03-08T10:00'))
    .runUntil('2023-03-20');
  assert.equal(repeated.raised(CODE).length, 1);
});

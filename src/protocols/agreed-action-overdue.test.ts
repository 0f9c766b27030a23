import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { agreedActionOverdue } from './agreed-action-overdue.ts';
import { safeguardingReferralOverdue } from './safeguarding-referral-overdue.ts';

// Contract: "an agreed action is neither met (by the record its kind implies, or
// action.completed) nor cancelled with a reason by its due".
const only = [agreedActionOverdue];
const CODE = 'agreed-action-overdue';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const agreed = (extra: Partial<EventInput> = {}): EventInput => ({
  at: '2023-03-06T11:00',
  id: 'act-1',
  type: 'action.agreed',
  person: 'baby',
  agency: 'health-visiting',
  action: 'home-visit',
  due: '2023-03-10',
  ...extra,
});
const visit = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'contact',
  person: 'baby',
  agency: 'health-visiting',
  kind: 'home-visit',
  ...extra,
});

test('a home visit agreed for Friday and not made is overdue at the end of Friday, owned by the named owner', () => {
  const h = new ProtocolHarness(only)
    .add(...family, agreed({ owner: { agency: 'health-visiting', name: 'Sam Patel' } }))
    .runUntil('2023-03-13');
  const [f, ...more] = h.raised(CODE);
  assert.equal(more.length, 0);
  assert.equal(f.raisedAt, t('2023-03-10T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.ownerName, 'Sam Patel');
  assert.deepEqual(f.evidence, ['act-1']);
  assert.match(
    f.explanation,
    /"home visit" agreed by health visiting on 6 Mar 2023 \(due 10 Mar 2023\), owned by Sam Patel \(health visiting\)/,
  );
  // The owner has the next working day (Monday) to act.
  assert.equal(f.deadline, t('2023-03-13T23:59:59.999'));
});

test('nothing is raised before the due date has passed', () => {
  const h = new ProtocolHarness(only).add(...family, agreed()).runUntil('2023-03-10T23:59');
  assert.equal(h.raised(CODE).length, 0);
});

test('stays quiet when the owner makes the visit (a review contact counts as a home visit)', () => {
  for (const kind of ['home-visit', 'new-birth-visit', 'six-to-eight-week-review']) {
    const h = new ProtocolHarness(only).add(...family, agreed(), visit('2023-03-09T10:00', { kind })).runUntil('2023-03-20');
    assert.equal(h.raised(CODE).length, 0, kind);
  }
});

test('a clinic appointment is not a home visit, and a visit by another agency does not meet the owner’s action', () => {
  const clinic = new ProtocolHarness(only).add(...family, agreed(), visit('2023-03-09T10:00', { kind: 'clinic' })).runUntil('2023-03-20');
  assert.equal(clinic.raised(CODE).length, 1);
  const other = new ProtocolHarness(only)
    .add(...family, agreed(), visit('2023-03-09T10:00', { agency: 'midwifery' }))
    .runUntil('2023-03-20');
  assert.equal(other.raised(CODE).length, 1);
});

test('a visit made before the action was agreed does not meet it; one made after the due date is late', () => {
  const before = new ProtocolHarness(only).add(...family, visit('2023-03-06T09:00'), agreed()).runUntil('2023-03-20');
  assert.equal(before.raised(CODE).length, 1);
  const late = new ProtocolHarness(only).add(...family, agreed(), visit('2023-03-13T09:00')).runUntil('2023-03-20');
  assert.equal(late.raised(CODE)[0]?.raisedAt, t('2023-03-10T23:59:59.999'));
});

test('explicit completion, or cancellation with a reason, closes it', () => {
  const completed = new ProtocolHarness(only)
    .add(...family, agreed(), { at: '2023-03-08', type: 'action.completed', person: 'baby', agency: 'health-visiting', action: 'act-1' })
    .runUntil('2023-03-20');
  assert.equal(completed.raised(CODE).length, 0);
  const cancelled = new ProtocolHarness(only)
    .add(...family, agreed(), {
      at: '2023-03-08',
      type: 'action.cancelled',
      person: 'baby',
      agency: 'health-visiting',
      action: 'act-1',
      reason: 'family moved; transferred to the receiving health visitor',
    })
    .runUntil('2023-03-20');
  assert.equal(cancelled.raised(CODE).length, 0);
});

test('each kind is met by its own record, exactly as the contract lists', () => {
  const cases: [Partial<EventInput>, EventInput, boolean][] = [
    [
      { action: 'weigh' },
      { at: '2023-03-08', type: 'measurement', person: 'baby', agency: 'health-visiting', kind: 'weight', value: 4.2 },
      true,
    ],
    [
      { action: 'review-growth' },
      { at: '2023-03-08', type: 'measurement', person: 'baby', agency: 'health-visiting', kind: 'length', value: 55 },
      false,
    ],
    [
      { action: 'referral', to: 'feeding-clinic' },
      { at: '2023-03-08', type: 'referral.made', person: 'baby', agency: 'health-visiting', to: 'feeding-clinic' },
      true,
    ],
    [
      { action: 'referral', to: 'feeding-clinic' },
      { at: '2023-03-08', type: 'referral.made', person: 'baby', agency: 'health-visiting', to: 'paediatrics' },
      false,
    ],
    [
      { action: 'share-information' },
      { at: '2023-03-08', type: 'information.shared', person: 'baby', agency: 'health-visiting', to: 'gp' },
      true,
    ],
    [
      { action: 'follow-up-contact' },
      { at: '2023-03-08', type: 'contact', person: 'baby', agency: 'health-visiting', kind: 'phone-call' },
      true,
    ],
    [
      { action: 'other', detail: 'ask Birmingham for the early weights' },
      { at: '2023-03-08', type: 'information.shared', person: 'baby', agency: 'health-visiting', to: 'gp' },
      false,
    ],
    [
      { action: 'safety-plan' },
      { at: '2023-03-08', type: 'contact', person: 'baby', agency: 'health-visiting', kind: 'home-visit' },
      false,
    ],
  ];
  for (const [action, record, met] of cases) {
    const h = new ProtocolHarness(only).add(...family, agreed(action), record).runUntil('2023-03-20');
    assert.equal(h.raised(CODE).length, met ? 0 : 1, JSON.stringify([action, record.type]));
  }
});

test('an action about the mother is raised for her baby', () => {
  const h = new ProtocolHarness(only).add(...family, agreed({ person: 'mum', action: 'follow-up-contact' })).runUntil('2023-03-20');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.subject),
    ['baby'],
  );
});

test('an action agreed with no date is chased after 10 working days', () => {
  // Agreed on Monday 6 March 2023: ten working days later is Monday 20 March.
  const h = new ProtocolHarness(only).add(...family, agreed({ due: undefined })).runUntil('2023-03-25');
  assert.equal(h.raised(CODE)[0]?.raisedAt, t('2023-03-20T23:59:59.999'));
  assert.match(h.raised(CODE)[0].explanation, /no date was set/);
});

test('a corrected action is followed to its new date, and the one it corrects is dropped', () => {
  const h = new ProtocolHarness(only)
    .add(...family, agreed(), agreed({ id: 'act-2', supersedes: 'act-1', at: '2023-03-07T09:00', due: '2023-03-17' }))
    .runUntil('2023-03-25');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].evidence, ['act-2']);
  assert.equal(found[0].raisedAt, t('2023-03-17T23:59:59.999'));
});

test('an agreed referral to children’s social care is chased once, by safeguarding-referral-overdue, not twice', () => {
  const referral = agreed({ action: 'refer-to-children-social-care', due: '2023-03-06' });
  const both = new ProtocolHarness([safeguardingReferralOverdue, agreedActionOverdue]).add(...family, referral).runUntil('2023-03-20');
  assert.equal(both.raised('safeguarding-referral-overdue').length, 1);
  assert.equal(both.raised(CODE).length, 0);
  // A partnership that switches the safeguarding protocol off asks this one to chase it.
  const alone = new ProtocolHarness(only, { [CODE]: { chaseReferralsToChildrenSocialCare: true } })
    .add(...family, referral)
    .runUntil('2023-03-20');
  assert.equal(alone.raised(CODE)[0]?.severity, 'high');
});

test('the due date is working-day aware only where no date is given: a bank holiday does not move an agreed date', () => {
  // Due on the Coronation bank holiday (Monday 8 May 2023): the date agreed stands.
  const h = new ProtocolHarness(only).add(...family, agreed({ at: '2023-05-02T10:00', due: '2023-05-08' })).runUntil('2023-05-20');
  assert.equal(h.raised(CODE)[0]?.raisedAt, t('2023-05-08T23:59:59.999'));
  assert.equal(h.raised(CODE)[0]?.deadline, t('2023-05-09T23:59:59.999'));
});

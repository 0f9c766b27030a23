import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { referralOutcomeMissing } from './referral-outcome-missing.ts';

// Contract: "a referral to a service other than children's social care has no
// referral.outcome and no contact from that service within the protocol's window (default 28 days)".
const only = [referralOutcomeMissing];
const CODE = 'referral-outcome-missing';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2023-01-09T10:00' });

const referral = (extra: Partial<EventInput> = {}): EventInput => ({
  at: '2023-01-10T11:30',
  id: 'ref-1',
  type: 'referral.made',
  person: 'baby',
  agency: 'health-visiting',
  to: 'feeding-clinic',
  reason: 'feeding difficulties; possible tongue tie',
  ...extra,
});

test('no outcome and no contact from the feeding clinic in 28 days: the referrer is asked to find out', () => {
  const h = new ProtocolHarness(only).add(...family, referral()).runUntil('2023-03-01');
  const [f, ...more] = h.raised(CODE);
  assert.equal(more.length, 0);
  assert.equal(f.raisedAt, t('2023-01-10T11:30') + 28 * DAY_MS);
  assert.equal(f.owner, 'health-visiting');
  assert.deepEqual(f.evidence, ['ref-1']);
  assert.match(
    f.explanation,
    /referral to the feeding clinic made by health visiting on 10 Jan 2023 \(feeding difficulties; possible tongue tie\)/,
  );
});

test('stays quiet before the window ends', () => {
  const h = new ProtocolHarness(only).add(...family, referral()).runUntil('2023-02-07T11:00');
  assert.equal(h.raised(CODE).length, 0);
});

test('an outcome from the service closes the loop, whatever it is (a waiting list too)', () => {
  for (const outcome of ['accepted', 'declined', 'waiting-list']) {
    const h = new ProtocolHarness(only)
      .add(...family, referral(), { at: '2023-01-20', type: 'referral.outcome', person: 'baby', agency: 'hospital', of: 'ref-1', outcome })
      .runUntil('2023-03-01');
    assert.equal(h.raised(CODE).length, 0, outcome);
  }
});

test('contact from the service (the hospital runs the feeding clinic) closes it; contact from anyone else does not', () => {
  const seen = new ProtocolHarness(only)
    .add(...family, referral(), { at: '2023-01-25', type: 'contact', person: 'baby', agency: 'hospital', kind: 'clinic' })
    .runUntil('2023-03-01');
  assert.equal(seen.raised(CODE).length, 0);
  const other = new ProtocolHarness(only)
    .add(...family, referral(), { at: '2023-01-25', type: 'contact', person: 'baby', agency: 'gp', kind: 'gp-consultation' })
    .runUntil('2023-03-01');
  assert.equal(other.raised(CODE).length, 1);
});

test("a referral to children's social care is followed by its own protocols, not this one", () => {
  const h = new ProtocolHarness(only).add(...family, referral({ to: 'children-social-care' })).runUntil('2023-03-01');
  assert.equal(h.raised(CODE).length, 0);
});

test("a referral about the mother (to IAPT) is raised for her baby, and the window is the partnership's", () => {
  const h = new ProtocolHarness(only, { [CODE]: { windowDays: 14 } })
    .add(...family, referral({ person: 'mum', agency: 'gp', to: 'iapt', reason: 'low mood' }))
    .runUntil('2023-03-01');
  const [f] = h.raised(CODE);
  assert.equal(f?.subject, 'baby');
  assert.equal(f.owner, 'gp');
  assert.equal(f.raisedAt, t('2023-01-10T11:30') + 14 * DAY_MS);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { immunisationsOverdue } from './immunisations-overdue.ts';

// Contract: "a child has no immunisation.given for a routine stage by the protocol's grace
// period after it (default 4 weeks)".
const only = [immunisationsOverdue];
const CODE = 'immunisations-overdue';
const t = (iso: string) => parseLocal(iso, ZONE)!;
// Born Monday 9 Jan 2023: 8 weeks is 6 Mar, 12 weeks 3 Apr, 16 weeks 1 May; the first birthday 9 Jan 2024.
const family = newborn({ born: '2023-01-09T10:00', child: 'baby' });
const jab = (at: string, stage: string): EventInput => ({ at, type: 'immunisation.given', person: 'baby', stage, agency: 'gp' });
const onTime = [jab('2023-03-07T10:00', '8-weeks'), jab('2023-04-04T10:00', '12-weeks'), jab('2023-05-02T10:00', '16-weeks')];

test('no 8-week immunisation by 4 weeks after it fell due raises a low finding for the GP at the end of that day', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-04-10');
  const found = h.raised(CODE, 'baby');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.raisedAt, t('2023-04-03T23:59:59.999'));
  assert.equal(f.owner, 'gp');
  assert.equal(f.severity, 'low');
  assert.match(f.explanation, /no record of the 8-week \(due 6 Mar 2023\) immunisation, 28 days after it fell due/);
  assert.match(f.action, /GP practice: contact the family by 13 Apr 2023/);
});

test('stays quiet through the first year when every stage is given within the grace period', () => {
  const h = new ProtocolHarness(only).add(...family, ...onTime, jab('2024-01-20T10:00', '1-year')).runUntil('2024-06-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('an immunisation given late but inside the grace period is not overdue; a day after it is', () => {
  const inside = new ProtocolHarness(only).add(...family, jab('2023-04-03T16:00', '8-weeks')).runUntil('2023-04-10');
  assert.equal(inside.raised(CODE).length, 0);
  const after = new ProtocolHarness(only).runUntil('2023-01-01').add(...family);
  after.runUntil('2023-04-04T09:00').add(jab('2023-04-04T09:00', '8-weeks'));
  assert.equal(after.raised(CODE).length, 1);
});

test('one open finding per child: the 12- and 16-week stages missed while it is open are not raised again', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-07-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('a later stage missed after the earlier ones were given raises its own finding, naming only that stage', () => {
  const h = new ProtocolHarness(only).add(...family, onTime[0], onTime[1]).runUntil('2023-07-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-05-29T23:59:59.999'));
  assert.match(f.explanation, /no record of the 16-week \(due 1 May 2023\) immunisation/);
});

test('the grace period comes from the partnership configuration', () => {
  const h = new ProtocolHarness(only, { [CODE]: { graceDays: 14 } }).add(...family).runUntil('2023-04-10');
  const [f] = h.raised(CODE);
  assert.equal(f.raisedAt, t('2023-03-20T23:59:59.999'));
  assert.match(f.explanation, /14 days after it fell due/);
});

test('a partnership may follow up only some stages', () => {
  const h = new ProtocolHarness(only, { [CODE]: { stages: ['1-year'] } }).add(...family).runUntil('2023-12-31');
  assert.equal(h.raised(CODE).length, 0);
  h.runUntil('2024-02-10');
  assert.equal(h.raised(CODE).length, 1);
});

test('a parent declining immunisations is quoted in the finding, which still stands', () => {
  const h = new ProtocolHarness(only)
    .add(...family, { at: '2023-03-06T10:00', type: 'consent.refused', person: 'baby', agency: 'gp', for: 'immunisations at 8 weeks' })
    .runUntil('2023-04-10');
  const [f] = h.raised(CODE);
  assert.match(f.explanation, /A parent declined: "immunisations at 8 weeks"/);
});

test('a child first recorded at 2 years old is judged only on the stages that fall due after', () => {
  const h = new ProtocolHarness(only)
    .add({
      at: '2023-01-09T10:00',
      type: 'person.recorded',
      person: 'toddler',
      role: 'child',
      born: '2021-01-09',
      sex: 'male',
      agency: 'gp',
    })
    .runUntil('2024-01-01');
  assert.equal(h.raised(CODE).length, 0);
  h.runUntil('2024-06-30');
  const [f] = h.raised(CODE, 'toddler');
  assert.ok(f);
  assert.match(f.explanation, /3-year-4-month \(pre-school\)/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { movedWithoutTransfer } from './moved-without-transfer.ts';

// Contract: "a family with an open health-visiting or social-care involvement moves area and
// no information is shared with the receiving area within 7 days".
const only = [movedWithoutTransfer];
const CODE = 'moved-without-transfer';
const t = (iso: string) => parseLocal(iso, ZONE)!;
const family = newborn({ born: '2019-01-10T10:00', area: 'Birmingham' });
const move = (at: string, persons = ['mum', 'baby'], area = 'Sandwell', extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'address.changed',
  persons,
  area,
  agency: 'health-visiting',
  id: 'move',
  ...extra,
});
const share = (at: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'information.shared',
  person: 'baby',
  agency: 'health-visiting',
  to: 'health-visiting',
  content: ['transfer'],
  ...extra,
});
const targeted: EventInput = {
  at: '2019-02-01',
  type: 'service-level.set',
  person: 'baby',
  level: 'universal-plus',
  agency: 'health-visiting',
  id: 'offer',
};

test('a baby on Universal Plus moves to another area and nothing is shared: raised at the end of day 7, for health visiting, naming the move and the offer', () => {
  const h = new ProtocolHarness(only).add(...family, targeted, move('2019-03-15T12:00')).runUntil('2019-04-30');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2019-03-22T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['move', 'offer']);
  assert.match(
    f.explanation,
    /^The family of a child 9 weeks old moved from Birmingham to Sandwell \(recorded by health visiting on 15 Mar 2019\) while there was health visiting at universal plus \(set by health visiting on 1 Feb 2019\)\. By 22 Mar 2019 no information about the child had been shared with Sandwell\./,
  );
});

test('stays quiet when the record is shared with the receiving area in time (or ahead of a planned move)', () => {
  for (const shared of [
    share('2019-03-22T23:00', { area: 'Sandwell' }),
    share('2019-03-16', {}),
    share('2019-03-05', { area: 'Sandwell' }),
  ]) {
    const h = new ProtocolHarness(only)
      .add(...family, targeted, ...(shared.at < '2019-03-15' ? [shared, move('2019-03-15T12:00')] : [move('2019-03-15T12:00'), shared]))
      .runUntil('2019-04-30');
    assert.equal(h.raised(CODE).length, 0, JSON.stringify(shared));
  }
});

test('sharing with the old area, too early, or too late does not count', () => {
  for (const shared of [share('2019-03-16', { area: 'Birmingham' }), share('2019-03-23T08:00', { area: 'Sandwell' })]) {
    const h = new ProtocolHarness(only).add(...family, targeted, move('2019-03-15T12:00'), shared).runUntil('2019-04-30');
    assert.equal(h.raised(CODE).length, 1, JSON.stringify(shared));
  }
  const early = new ProtocolHarness(only)
    .add(...family, targeted, share('2019-02-20', { area: 'Sandwell' }), move('2019-03-15T12:00'))
    .runUntil('2019-04-30');
  assert.equal(early.raised(CODE).length, 1);
});

test("each child's record must be transferred: the sibling whose record was not sent is raised (CSPR 002)", () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      {
        at: '2019-01-11',
        type: 'person.recorded',
        person: 'elder',
        role: 'child',
        born: '2017-11-01',
        area: 'Birmingham',
        agency: 'health-visiting',
      },
      { at: '2019-01-11', type: 'relationship.recorded', person: 'mum', of: 'elder', kind: 'mother', agency: 'health-visiting' },
      { at: '2019-01-11', type: 'contact', person: 'elder', kind: 'clinic', agency: 'health-visiting' },
      { at: '2019-01-24', type: 'contact', person: 'baby', kind: 'new-birth-visit', agency: 'health-visiting' },
      move('2019-03-15T12:00', ['mum', 'elder', 'baby']),
      share('2019-03-18', { area: 'Sandwell' }),
    )
    .runUntil('2019-04-30');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.subject),
    ['elder'],
  );
  assert.match(h.raised(CODE)[0].explanation, /health visiting involvement \(latest record: clinic by health visiting on 11 Jan 2019\)/);
});

test('a universal family with a health-visiting record in the last 12 months counts; without one, or over 5, it does not', () => {
  const withRecord = new ProtocolHarness(only)
    .add(
      ...family,
      { at: '2019-01-24', type: 'contact', person: 'baby', kind: 'new-birth-visit', agency: 'health-visiting' },
      move('2019-03-15'),
    )
    .runUntil('2019-04-30');
  assert.equal(withRecord.raised(CODE).length, 1);
  const stale = new ProtocolHarness(only)
    .add(
      ...newborn({ born: '2016-01-10', area: 'Birmingham' }),
      { at: '2017-01-12', type: 'contact', person: 'baby', kind: 'one-year-review', agency: 'health-visiting' },
      move('2019-03-15'),
    )
    .runUntil('2019-04-30');
  assert.equal(stale.raised(CODE).length, 0, 'last health-visiting record over 12 months before');
  const older = new ProtocolHarness(only)
    .add(
      ...newborn({ born: '2014-01-10', area: 'Birmingham' }),
      { at: '2019-03-01', type: 'contact', person: 'baby', kind: 'clinic', agency: 'health-visiting' },
      move('2019-03-15'),
    )
    .runUntil('2019-04-30');
  assert.equal(older.raised(CODE).length, 0, 'over 5: health visiting no longer involved');
});

test("an open plan makes it high and owned by children's social care, at any age under 18", () => {
  const h = new ProtocolHarness(only)
    .add(
      ...newborn({ born: '2009-01-10', area: 'Birmingham' }),
      { at: '2019-01-01', type: 'plan.started', person: 'baby', kind: 'child-in-need', agency: 'children-social-care', id: 'cin' },
      move('2019-03-15'),
    )
    .runUntil('2019-04-30');
  const [f] = h.raised(CODE);
  assert.equal(f?.owner, 'children-social-care');
  assert.equal(f?.severity, 'high');
  assert.match(f.explanation, /a child in need plan \(started children's social care on 1 Jan 2019\)/);
  assert.ok(f.evidence.includes('cin'));
});

test("a recent referral to children's social care counts as involvement; one older than 90 days does not", () => {
  const referral = (at: string): EventInput => ({
    at,
    type: 'referral.made',
    person: 'baby',
    to: 'children-social-care',
    agency: 'school',
  });
  const older = newborn({ born: '2012-01-10', area: 'Birmingham' });
  assert.equal(
    new ProtocolHarness(only)
      .add(...older, referral('2019-01-01'), move('2019-03-15'))
      .runUntil('2019-04-30')
      .raised(CODE).length,
    1,
  );
  assert.equal(
    new ProtocolHarness(only)
      .add(...older, referral('2018-12-01'), move('2019-03-15'))
      .runUntil('2019-04-30')
      .raised(CODE).length,
    0,
  );
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { cscRecentDays: 120 } })
      .add(...older, referral('2018-12-01'), move('2019-03-15'))
      .runUntil('2019-04-30')
      .raised(CODE).length,
    1,
  );
});

test('a move within the same area is not a transfer', () => {
  const h = new ProtocolHarness(only).add(...family, targeted, move('2019-03-15', ['mum', 'baby'], 'Birmingham')).runUntil('2019-04-30');
  assert.equal(h.raised(CODE).length, 0);
});

test('an unborn baby moves with its mother', () => {
  const h = new ProtocolHarness(only)
    .add(
      { at: '2018-09-01', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', area: 'Birmingham', agency: 'midwifery' },
      {
        at: '2018-09-01',
        type: 'pregnancy.booked',
        person: 'mum',
        unborn: 'unborn',
        gestationWeeks: 12,
        due: '2019-03-15',
        agency: 'midwifery',
      },
      { at: '2018-12-01', type: 'service-level.set', person: 'mum', level: 'targeted', agency: 'health-visiting' },
      move('2019-01-15', ['mum']),
    )
    .runUntil('2019-02-15');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.subject),
    ['unborn'],
  );
});

test('idempotent: one finding per move; a second move without transfer is a second finding', () => {
  const h = new ProtocolHarness(only).add(...family, targeted, move('2019-03-15')).runUntil('2019-04-01');
  h.add(move('2019-04-10', ['mum', 'baby'], 'Birmingham', { id: 'move-back' })).runUntil('2019-05-30');
  h.runUntil('2019-06-30');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.dedupeKey),
    ['move', 'move-back'],
  );
});

test('the transfer window is configurable per partnership', () => {
  const h = new ProtocolHarness(only, { [CODE]: { shareWithinDays: 3 } })
    .add(...family, targeted, move('2019-03-15T12:00'), share('2019-03-19', { area: 'Sandwell' }))
    .runUntil('2019-04-30');
  assert.equal(h.raised(CODE)[0]?.raisedAt, t('2019-03-18T23:59:59.999'));
});

test('a stay shorter than the transfer window is not a move between services; the move that sticks is judged (CSPR 002)', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      targeted,
      move('2019-03-15T12:00'),
      move('2019-03-20T12:00', ['mum', 'baby'], 'Birmingham', { id: 'back' }),
      move('2019-04-20T12:00', ['mum', 'baby'], 'Sandwell', { id: 'again' }),
    )
    .runUntil('2019-05-30');
  assert.deepEqual(
    h.raised(CODE).map((f) => f.dedupeKey),
    ['again'],
  );
  const onwards = new ProtocolHarness(only)
    .add(...family, targeted, move('2019-03-15T12:00'), move('2019-03-20T12:00', ['mum', 'baby'], 'Dudley', { id: 'onwards' }))
    .runUntil('2019-05-30');
  assert.deepEqual(
    onwards.raised(CODE).map((f) => f.dedupeKey),
    ['onwards'],
  );
  assert.match(onwards.raised(CODE)[0].explanation, /moved from Sandwell to Dudley/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../domain/time.ts';
import { ProtocolHarness, ZONE, newborn, type EventInput } from './testing.ts';
import { notRegisteredWithGp } from './not-registered-with-gp.ts';

// Contract: "a child is over 6 weeks old, or has moved area more than 14 days ago, without GP
// registration in the current area".
const only = [notRegisteredWithGp];
const CODE = 'not-registered-with-gp';
const t = (iso: string) => parseLocal(iso, ZONE)!;

// Born 9 Jan 2023 in Cambridgeshire: 6 weeks old on 20 Feb 2023.
const family = newborn({ born: '2023-01-09T10:00', area: 'Cambridgeshire' }).map((e) => (e.type === 'birth' ? { ...e, id: 'birth' } : e));
const register = (at: string, area?: string): EventInput => ({
  at,
  type: 'gp.registered',
  person: 'baby',
  agency: 'gp',
  ...(area ? { area } : {}),
});
const move = (at: string, area: string, extra: Partial<EventInput> = {}): EventInput => ({
  at,
  type: 'address.changed',
  persons: ['mum', 'baby'],
  area,
  agency: 'health-visiting',
  ...extra,
});

test('a baby unregistered at 6 weeks raises the finding at the end of that day, for health visiting, citing the birth', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-03-01');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.subject, 'baby');
  assert.equal(f.raisedAt, t('2023-02-20T23:59:59.999'));
  assert.equal(f.owner, 'health-visiting');
  assert.equal(f.severity, 'medium');
  assert.deepEqual(f.evidence, ['birth']);
  assert.match(f.explanation, /6 weeks old \(born 9 Jan 2023\) and no GP registration has been recorded/);
});

test('nothing is raised before the baby is 6 weeks old', () => {
  const h = new ProtocolHarness(only).add(...family).runUntil('2023-02-20T23:59');
  assert.equal(h.raised(CODE).length, 0);
});

test('a registration on the day the baby turns 6 weeks is in time', () => {
  const h = new ProtocolHarness(only).add(...family, register('2023-02-20T16:00')).runUntil('2023-03-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('a registration the day after is late: the finding was already raised', () => {
  const h = new ProtocolHarness(only).add(...family, register('2023-02-21T09:00')).runUntil('2023-03-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('a consultation by a GP counts as registration', () => {
  const h = new ProtocolHarness(only)
    .add(...family, { at: '2023-02-15T10:00', type: 'contact', person: 'baby', agency: 'gp', kind: 'gp-consultation' })
    .runUntil('2023-03-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('a family that moves area, with the child registered only in the old area, raises the finding 14 days after the move', () => {
  const h = new ProtocolHarness(only)
    .add(...family, register('2023-01-20T10:00'), move('2023-03-10T12:00', 'Sandwell', { id: 'move' }))
    .runUntil('2023-04-01');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f.raisedAt, t('2023-03-24T23:59:59.999'));
  assert.deepEqual(f.evidence, ['move']);
  assert.match(f.explanation, /moved to Sandwell on 10 Mar 2023 and has no GP registration there 14 days later/);
});

test('a registration in the new area on day 14 after the move is in time', () => {
  const h = new ProtocolHarness(only)
    .add(...family, register('2023-01-20T10:00'), move('2023-03-10T12:00', 'Sandwell'), register('2023-03-24T15:00', 'Sandwell'))
    .runUntil('2023-04-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('a registration after the move with no area recorded counts for the new area', () => {
  const h = new ProtocolHarness(only)
    .add(...family, register('2023-01-20T10:00'), move('2023-03-10T12:00', 'Sandwell'), register('2023-03-15T15:00'))
    .runUntil('2023-04-01');
  assert.equal(h.raised(CODE).length, 0);
});

test('a registration in the old area after the move does not count', () => {
  const h = new ProtocolHarness(only)
    .add(...family, register('2023-01-20T10:00'), move('2023-03-10T12:00', 'Sandwell'), register('2023-03-15T15:00', 'Cambridgeshire'))
    .runUntil('2023-04-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('two moves in quick succession: judged against the latest area only, once', () => {
  const h = new ProtocolHarness(only)
    .add(
      ...family,
      register('2023-01-20T10:00'),
      move('2023-03-10T12:00', 'Sandwell', { id: 'move-1' }),
      move('2023-03-15T12:00', 'Birmingham', { id: 'move-2' }),
    )
    .runUntil('2023-04-10');
  const found = h.raised(CODE);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].evidence, ['move-2']);
  assert.match(found[0].explanation, /moved to Birmingham on 15 Mar 2023/);
});

test('a house move within the same area does not start the 14-day clock', () => {
  const h = new ProtocolHarness(only).add(...family, move('2023-01-12T12:00', 'Cambridgeshire')).runUntil('2023-02-20T12:00');
  assert.equal(h.raised(CODE).length, 0);
});

test('the same lack of registration is raised once, not again at 6 weeks after a move has already raised it', () => {
  const h = new ProtocolHarness(only)
    .add(...family, register('2023-01-16T10:00'), move('2023-01-30T12:00', 'Sandwell'))
    .runUntil('2023-03-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('a child first recorded when already over 6 weeks old, with no registration, is raised', () => {
  const h = new ProtocolHarness(only)
    .add({
      at: '2023-04-03T10:00',
      type: 'person.recorded',
      person: 'newcomer',
      role: 'child',
      born: '2023-01-09',
      sex: 'male',
      area: 'Sandwell',
      agency: 'health-visiting',
    })
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE, 'newcomer').length, 1);
});

test('the unchanged condition is not raised twice as the clock runs on', () => {
  const h = new ProtocolHarness(only)
    .add(...family)
    .runUntil('2023-03-01')
    .runUntil('2023-06-01');
  assert.equal(h.raised(CODE).length, 1);
});

test('the age and post-move deadlines follow the partnership configuration', () => {
  const config = { [CODE]: { registerByDays: 28, afterMoveDays: 7 } };
  const young = new ProtocolHarness(only, config).add(...family).runUntil('2023-03-01');
  assert.equal(young.raised(CODE)[0]?.raisedAt, t('2023-02-06T23:59:59.999'));
  assert.match(young.raised(CODE)[0].explanation, /4 weeks old/);
  const moved = new ProtocolHarness(only, config)
    .add(...family, register('2023-01-20T10:00'), move('2023-03-10T12:00', 'Sandwell'))
    .runUntil('2023-04-01');
  assert.equal(moved.raised(CODE)[0]?.raisedAt, t('2023-03-17T23:59:59.999'));
});

test('with a threshold that is not whole weeks, the explanation still states the age in plain English', () => {
  const h = new ProtocolHarness(only, { [CODE]: { registerByDays: 30 } }).add(...family).runUntil('2023-03-01');
  const [f] = h.raised(CODE);
  assert.ok(f);
  assert.equal(f.raisedAt, t('2023-02-08T23:59:59.999'));
  assert.doesNotMatch(f.explanation, /\d\.\d/);
});

test('an older child above the configured age limit who moves is not followed', () => {
  const teen = [
    {
      at: '2023-01-01',
      type: 'person.recorded',
      person: 'teen',
      role: 'child',
      born: '2010-05-01',
      sex: 'male',
      area: 'Cambridgeshire',
      agency: 'school',
    },
  ] satisfies EventInput[];
  const move = { at: '2023-03-10T12:00', type: 'address.changed', persons: ['teen'], area: 'Sandwell', agency: 'school' };
  assert.equal(
    new ProtocolHarness(only, { [CODE]: { childUnderYears: 10 } })
      .add(...teen, move)
      .runUntil('2023-04-01')
      .raised(CODE).length,
    0,
  );
  assert.equal(
    new ProtocolHarness(only)
      .add(...teen, move)
      .runUntil('2023-04-01')
      .raised(CODE).length,
    1,
  );
});

test('a newborn who moves area at 8 days still has until 6 weeks to register', () => {
  const h = new ProtocolHarness([notRegisteredWithGp])
    .add(...newborn({ born: '2023-01-09T10:00', area: 'Birmingham' }), {
      at: '2023-01-17T12:00',
      type: 'address.changed',
      persons: ['mum', 'baby'],
      area: 'Sandwell',
    })
    .runUntil('2023-02-19T23:00');
  assert.equal(h.raised('not-registered-with-gp').length, 0);
  h.runUntil('2023-02-21T00:00');
  assert.equal(h.raised('not-registered-with-gp').length, 1);
});
